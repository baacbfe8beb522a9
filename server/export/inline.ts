import {
  ExternalHyperlink,
  FootnoteReferenceRun,
  type IRunOptions,
  type ParagraphChild,
  TextRun,
} from "docx";
import type { PMNode } from "../schema/brief.ts";
import type { RenderContext } from "./context.ts";
import type { NoteTarget } from "./footnotes.ts";
import { StyleId } from "./styles.ts";

export type Mark = NonNullable<PMNode["marks"]>[number];
export const KNOWN_MARKS = new Set([
  "bold",
  "italic",
  "underline",
  "strike",
  "code",
  "link",
  "citation",
]);

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

/** The citation a node carries, as a key that tells one cited run from the next. */
export function citationOf(marks: Mark[] | undefined): (NoteTarget & { key: string }) | undefined {
  const m = marks?.find((mark) => mark.type === "citation");
  if (!m) return undefined;
  const snippetId = str(m.attrs?.snippetId);
  const articleId = str(m.attrs?.articleId);
  return { snippetId, articleId, key: `${snippetId ?? ""}|${articleId ?? ""}` };
}

/** The address a node links to, if any. */
export const linkOf = (marks: Mark[] | undefined) =>
  str(marks?.find((m) => m.type === "link")?.attrs?.href);

/** Run options with only the flags that are set: a `false` on every run bloats the file. */
function runOptions(text: string | undefined, marks: Mark[] | undefined, ctx: RenderContext) {
  const opts: { -readonly [K in keyof IRunOptions]: IRunOptions[K] } = {};
  if (text !== undefined) opts.text = text;
  for (const mark of marks ?? []) {
    switch (mark.type) {
      case "bold":
        opts.bold = true;
        break;
      case "italic":
        opts.italics = true;
        break;
      case "underline":
        opts.underline = {};
        break;
      case "strike":
        opts.strike = true;
        break;
      case "code":
        opts.style = StyleId.inlineCode;
        break;
      case "link":
        opts.style ??= "Hyperlink";
        break;
      default:
        if (!KNOWN_MARKS.has(mark.type)) ctx.warn("mark", mark.type);
    }
  }
  return opts;
}

/** All the text in a node and its descendants, for nodes the renderer does not know. */
export function plainText(node: PMNode): string {
  if (node.text !== undefined) return node.text;
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(plainText).join("");
}

function runsOf(node: PMNode, ctx: RenderContext): TextRun[] {
  if (node.type === "text") return [new TextRun(runOptions(node.text ?? "", node.marks, ctx))];
  if (node.type === "hardBreak")
    return [new TextRun({ ...runOptions(undefined, node.marks, ctx), break: 1 })];
  ctx.warn("node", node.type);
  const text = plainText(node);
  return text === "" ? [] : [new TextRun(runOptions(text, node.marks, ctx))];
}

/**
 * Inline content as runs. Adjacent nodes linking to the same address share one hyperlink, and
 * each stretch of text under the same citation gets one footnote reference at its end.
 */
export function renderInline(nodes: PMNode[] | undefined, ctx: RenderContext): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let link: { href: string; runs: TextRun[] } | undefined;
  let cited: (NoteTarget & { key: string }) | undefined;
  const flushLink = () => {
    if (link) out.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
    link = undefined;
  };
  const closeCitation = () => {
    if (!cited) return;
    flushLink();
    out.push(new FootnoteReferenceRun(ctx.notes.add(cited)));
    cited = undefined;
  };
  for (const node of nodes ?? []) {
    const citation = citationOf(node.marks);
    if (cited && citation?.key !== cited.key) closeCitation();
    cited = citation;
    const href = linkOf(node.marks);
    if (link && link.href !== href) flushLink();
    const runs = runsOf(node, ctx);
    if (href) {
      link ??= { href, runs: [] };
      link.runs.push(...runs);
    } else {
      out.push(...runs);
    }
  }
  closeCitation();
  flushLink();
  return out;
}
