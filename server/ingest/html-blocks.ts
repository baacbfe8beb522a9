import type { PageLine } from "./clean.ts";
import { parseHTML } from "./dom.ts";
import { tidyLine } from "./text-lines.ts";

const BLOCKS = new Set(
  "ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BUTTON CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TD TH TR UL BR".split(
    " ",
  ),
);
const SKIP = new Set(
  "SCRIPT STYLE NOSCRIPT TEMPLATE SVG IFRAME HEAD OBJECT CANVAS VIDEO AUDIO SELECT OPTION".split(
    " ",
  ),
);
const CHROME = new Set(["NAV", "FOOTER", "ASIDE", "BUTTON", "FORM"]);

function kindOf(tag: string): PageLine["kind"] {
  if (/^H[1-6]$/.test(tag)) return "heading";
  if (tag === "LI") return "item";
  if (tag === "FIGCAPTION" || tag === "CAPTION") return "caption";
  return undefined;
}

interface Walker {
  lines: PageLine[];
  buffer: string;
  kinds: PageLine["kind"][];
  chrome: number;
}

function flush(w: Walker): void {
  const text = tidyLine(w.buffer);
  w.buffer = "";
  if (!text) return;
  const kind = w.chrome > 0 ? "chrome" : w.kinds.findLast((k) => k !== undefined);
  w.lines.push(kind ? { text, kind } : { text });
}

function walk(node: Node, w: Walker): void {
  if (node.nodeType === 3) {
    w.buffer += node.textContent ?? "";
    return;
  }
  if (node.nodeType !== 1) return;
  const tag = (node as Element).tagName.toUpperCase();
  if (SKIP.has(tag) || (node as Element).getAttribute?.("hidden") !== null) return;
  const block = BLOCKS.has(tag);
  if (block) flush(w);
  else if ((tag === "A" || tag === "BUTTON") && node.previousSibling?.nodeType === 1)
    w.buffer += " ";
  w.kinds.push(kindOf(tag));
  if (CHROME.has(tag)) w.chrome++;
  for (const child of node.childNodes) walk(child, w);
  if (CHROME.has(tag)) w.chrome--;
  w.kinds.pop();
  if (block) flush(w);
}

/**
 * The text blocks of an HTML document or fragment in reading order, one line per paragraph,
 * heading, list item or caption. Text inside nav, footer, aside, form and button elements
 * comes back marked as chrome.
 */
export function htmlBlocks(html: string | Document): PageLine[] {
  const doc =
    typeof html === "string"
      ? parseHTML(`<!doctype html><html><body>${html}</body></html>`).document
      : html;
  const root = (doc.body ?? doc.documentElement) as unknown as Node;
  const walker: Walker = { lines: [], buffer: "", kinds: [], chrome: 0 };
  walk(root, walker);
  flush(walker);
  return walker.lines;
}
