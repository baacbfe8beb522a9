import type { PMNode } from "../../schema/brief.ts";
import type { BlockOptions } from "../context.ts";
import { plainText } from "../inline.ts";
import { attributionText, type QuoteLayout, quoteLayout } from "../quotes.ts";
import { StyleId } from "../styles.ts";
import { writeInline } from "./inline-xml.ts";
import { writeList } from "./list-xml.ts";
import { footnoteRef, para, pStyle, run, text, textRun } from "./primitives.ts";
import { writeTable } from "./table-xml.ts";
import type { XmlContext } from "./xml-context.ts";

const INLINE = new Set(["text", "hardBreak"]);

function headingStyle(node: PMNode): string {
  const level = Number(node.attrs?.level ?? 1);
  return `Heading${Math.min(Math.max(Number.isInteger(level) ? level : 1, 1), 3)}`;
}

function codeBlock(node: PMNode): string {
  const lines = plainText(node).split("\n");
  return para(
    pStyle(StyleId.codeBlock),
    lines.map((line, i) => run("", i === 0 ? text(line) : `<w:br/>${text(line)}`)).join(""),
  );
}

const styled = (opts: BlockOptions) => (opts.paragraphStyle ? pStyle(opts.paragraphStyle) : "");

/** A blockquote in the Quote style, followed by its attribution line as `renderBlockquote`. */
function blockquote(
  node: PMNode,
  layout: QuoteLayout,
  ctx: XmlContext,
  opts: BlockOptions,
): string {
  const { quoted, target, typed } = layout;
  const body = writeBlocks(quoted, ctx, { ...opts, paragraphStyle: StyleId.quote });
  if (!target) return body;
  let children = typed ? writeInline(typed.content, ctx) : textRun(attributionText(node, ctx));
  if (target.snippetId || target.articleId) children += footnoteRef(ctx.notes.add(target));
  return body + para(pStyle(StyleId.quoteAttribution), children);
}

function writeBlock(node: PMNode, ctx: XmlContext, opts: BlockOptions): string {
  switch (node.type) {
    case "paragraph":
      return para(styled(opts), writeInline(node.content, ctx));
    case "heading":
      return para(pStyle(headingStyle(node)), writeInline(node.content, ctx));
    case "bulletList":
    case "orderedList":
      return writeList(node, ctx, opts);
    case "horizontalRule":
      return para(pStyle(StyleId.horizontalRule), "");
    case "codeBlock":
      return codeBlock(node);
    case "table":
      return writeTable(node, ctx);
    default:
      return writeUnknown(node, ctx, opts);
  }
}

/** A node the writer does not know keeps its text, as a plain paragraph, and is reported. */
function writeUnknown(node: PMNode, ctx: XmlContext, opts: BlockOptions): string {
  if (!INLINE.has(node.type)) ctx.warn("node", node.type);
  const content = node.content ?? [];
  if (content.length > 0 && content.every((c) => !INLINE.has(c.type) && c.text === undefined)) {
    return writeBlocks(content, ctx, opts);
  }
  const runs = INLINE.has(node.type)
    ? writeInline([node], ctx)
    : writeInline(content.length ? content : [{ type: "text", text: plainText(node) }], ctx);
  return para(styled(opts), runs);
}

/**
 * Block nodes as body XML, the same paragraphs and tables as `renderBlocks` gives docx, but
 * written straight to a string: no object tree for a long brief's thousands of paragraphs.
 * The paragraph after a quote that is the quote's attribution is written with the quote.
 */
export function writeBlocks(nodes: PMNode[], ctx: XmlContext, opts: BlockOptions = {}): string {
  let out = "";
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== "blockquote") {
      out += writeBlock(node, ctx, opts);
      continue;
    }
    const layout = quoteLayout(node, nodes[i + 1]);
    out += blockquote(node, layout, ctx, opts);
    if (layout.follows) i++;
  }
  return out;
}
