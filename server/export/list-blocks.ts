import { Paragraph } from "docx";
import type { PMNode } from "../schema/brief.ts";
import type { Block } from "./blocks.ts";
import { renderBlocks } from "./blocks.ts";
import type { BlockOptions, RenderContext } from "./context.ts";
import { renderInline } from "./inline.ts";
import { quoteLayout } from "./quotes.ts";
import { StyleId } from "./styles.ts";

export const MAX_LEVEL = 8;

/** A list node's kind and, for an ordered list, the number it starts from. */
export function listKindOf(node: PMNode): { kind: "bullet" | "ordered"; start: number } {
  const kind = node.type === "orderedList" ? "ordered" : "bullet";
  const rawStart = Number(node.attrs?.start ?? 1);
  return { kind, start: Number.isInteger(rawStart) && rawStart >= 0 ? rawStart : 1 };
}

/**
 * A bullet or ordered list. The first paragraph of each item carries the number; later
 * paragraphs of the item are indented to match; nested lists go one level deeper.
 */
export function renderList(node: PMNode, ctx: RenderContext, opts: BlockOptions): Block[] {
  const { kind, start } = listKindOf(node);
  const { reference, instance } = ctx.lists.open(kind, start);
  const level = Math.min(opts.listLevel ?? 0, MAX_LEVEL);
  const out: Block[] = [];
  for (const item of node.content ?? []) {
    const itemStart = out.length;
    let numbered = false;
    const parts = item.type === "listItem" ? (item.content ?? []) : [item];
    for (let i = 0; i < parts.length; i++) {
      const child = parts[i]!;
      if (child.type === "paragraph" || child.type === "heading") {
        const children = renderInline(child.content, ctx);
        out.push(
          numbered
            ? new Paragraph({
                style: StyleId.listContinue,
                indent: { left: 720 * (level + 1) },
                children,
              })
            : new Paragraph({ numbering: { reference, level, instance }, children }),
        );
        numbered = true;
      } else {
        const blocks = withAttribution(parts, i);
        out.push(...renderBlocks(blocks, ctx, { ...opts, listLevel: level + 1 }));
        i += blocks.length - 1;
      }
    }
    // An item that opens with a nested list still needs its own number before it.
    if (!numbered)
      out.splice(itemStart, 0, new Paragraph({ numbering: { reference, level, instance } }));
  }
  return out;
}

/**
 * The block at `i` of a list item's parts, with the paragraph after it when it is a quote and
 * that paragraph is the attribution typed for it: the quote is set with it (`quoteLayout`).
 */
export function withAttribution(parts: PMNode[], i: number): PMNode[] {
  const child = parts[i]!;
  const next = parts[i + 1];
  return next && child.type === "blockquote" && quoteLayout(child, next).follows
    ? [child, next]
    : [child];
}
