import { HeadingLevel, Paragraph, type Table, TextRun } from "docx";
import type { PMNode } from "../schema/brief.ts";
import type { BlockOptions, RenderContext } from "./context.ts";
import { plainText, renderInline } from "./inline.ts";
import { renderList } from "./list-blocks.ts";
import { quoteLayout, renderBlockquote } from "./quotes.ts";
import { StyleId } from "./styles.ts";
import { renderTable } from "./tables.ts";

/** What a block renders to: paragraphs and tables, in document order. */
export type Block = Paragraph | Table;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const INLINE = new Set(["text", "hardBreak"]);

function headingLevel(node: PMNode) {
  const level = Number(node.attrs?.level ?? 1);
  return HEADINGS[Math.min(Math.max(Number.isInteger(level) ? level : 1, 1), 3) - 1]!;
}

function codeBlock(node: PMNode): Paragraph {
  const lines = plainText(node).split("\n");
  return new Paragraph({
    style: StyleId.codeBlock,
    children: lines.map(
      (line, i) => new TextRun(i === 0 ? { text: line } : { text: line, break: 1 }),
    ),
  });
}

function renderBlock(node: PMNode, ctx: RenderContext, opts: BlockOptions): Block[] {
  switch (node.type) {
    case "paragraph": {
      const children = renderInline(node.content, ctx);
      return [
        new Paragraph(
          opts.paragraphStyle ? { style: opts.paragraphStyle, children } : { children },
        ),
      ];
    }
    case "heading":
      return [
        new Paragraph({ heading: headingLevel(node), children: renderInline(node.content, ctx) }),
      ];
    case "bulletList":
    case "orderedList":
      return renderList(node, ctx, opts);
    case "horizontalRule":
      return [new Paragraph({ style: StyleId.horizontalRule })];
    case "codeBlock":
      return [codeBlock(node)];
    case "table": {
      const table = renderTable(node, ctx);
      return table ? [table] : [];
    }
    default:
      return renderUnknown(node, ctx, opts);
  }
}

/** A node the renderer does not know keeps its text, as a plain paragraph, and is reported. */
function renderUnknown(node: PMNode, ctx: RenderContext, opts: BlockOptions): Block[] {
  if (!INLINE.has(node.type)) ctx.warn("node", node.type);
  const content = node.content ?? [];
  if (content.length > 0 && content.every((c) => !INLINE.has(c.type) && c.text === undefined)) {
    return renderBlocks(content, ctx, opts);
  }
  const children = INLINE.has(node.type)
    ? renderInline([node], ctx)
    : renderInline(content.length ? content : [{ type: "text", text: plainText(node) }], ctx);
  return [
    new Paragraph(opts.paragraphStyle ? { style: opts.paragraphStyle, children } : { children }),
  ];
}

/**
 * Renders block nodes in order, one entry per node; containers pass their paragraph style and
 * list depth down. The paragraph after a quote that is the quote's attribution is set with the
 * quote (`quoteLayout`), and its own entry is empty.
 */
export function renderEach(
  nodes: PMNode[],
  ctx: RenderContext,
  opts: BlockOptions = {},
): Block[][] {
  const out: Block[][] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== "blockquote") {
      out.push(renderBlock(node, ctx, opts));
      continue;
    }
    const layout = quoteLayout(node, nodes[i + 1]);
    out.push(renderBlockquote(node, layout, ctx, opts));
    if (layout.follows) {
      out.push([]);
      i++;
    }
  }
  return out;
}

/** Renders block nodes in order, as `renderEach` does, into one list. */
export function renderBlocks(
  nodes: PMNode[],
  ctx: RenderContext,
  opts: BlockOptions = {},
): Block[] {
  return renderEach(nodes, ctx, opts).flat();
}
