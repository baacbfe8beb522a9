import type { PMNode } from "../../schema/brief.ts";
import type { NoteTarget } from "../footnotes.ts";
import { citationOf, KNOWN_MARKS, linkOf, type Mark, plainText } from "../inline.ts";
import { StyleId } from "../styles.ts";
import { footnoteRef, hyperlink, rStyle, run, text } from "./primitives.ts";
import type { XmlContext } from "./xml-context.ts";

/** Run properties with only the flags that are set, in the order docx writes them. */
function runProperties(marks: Mark[] | undefined, ctx: XmlContext): string {
  if (!marks) return "";
  let style: string | undefined;
  let bold = false;
  let italic = false;
  let strike = false;
  let underline = false;
  for (const mark of marks) {
    switch (mark.type) {
      case "bold":
        bold = true;
        break;
      case "italic":
        italic = true;
        break;
      case "underline":
        underline = true;
        break;
      case "strike":
        strike = true;
        break;
      case "code":
        style = StyleId.inlineCode;
        break;
      case "link":
        style ??= "Hyperlink";
        break;
      default:
        if (!KNOWN_MARKS.has(mark.type)) ctx.warn("mark", mark.type);
    }
  }
  return (
    (style ? rStyle(style) : "") +
    (bold ? "<w:b/><w:bCs/>" : "") +
    (italic ? "<w:i/><w:iCs/>" : "") +
    (strike ? "<w:strike/>" : "") +
    (underline ? '<w:u w:val="single"/>' : "")
  );
}

function runsOf(node: PMNode, ctx: XmlContext): string {
  if (node.type === "text") return run(runProperties(node.marks, ctx), text(node.text ?? ""));
  if (node.type === "hardBreak") return run(runProperties(node.marks, ctx), "<w:br/>");
  ctx.warn("node", node.type);
  const value = plainText(node);
  return value === "" ? "" : run(runProperties(node.marks, ctx), text(value));
}

/**
 * Inline content as run XML, the same runs as `renderInline`: adjacent nodes linking to the
 * same address share one hyperlink, and each stretch of text under the same citation gets one
 * footnote reference at its end.
 */
export function writeInline(nodes: PMNode[] | undefined, ctx: XmlContext): string {
  let out = "";
  let link: { href: string; runs: string } | undefined;
  let cited: (NoteTarget & { key: string }) | undefined;
  const flushLink = () => {
    if (link) out += hyperlink(ctx.parts.link(link.href), link.runs);
    link = undefined;
  };
  const closeCitation = () => {
    if (!cited) return;
    flushLink();
    out += footnoteRef(ctx.notes.add(cited));
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
      link ??= { href, runs: "" };
      link.runs += runs;
    } else {
      out += runs;
    }
  }
  closeCitation();
  flushLink();
  return out;
}
