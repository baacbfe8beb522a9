import type { PMNode } from "../../schema/brief.ts";
import type { BlockOptions } from "../context.ts";
import { listKindOf, MAX_LEVEL, withAttribution } from "../list-blocks.ts";
import { StyleId } from "../styles.ts";
import { writeBlocks } from "./blocks-xml.ts";
import { writeInline } from "./inline-xml.ts";
import { para, pStyle } from "./primitives.ts";
import type { XmlContext } from "./xml-context.ts";

/** A bullet or ordered list, as `renderList` lays it out. */
export function writeList(node: PMNode, ctx: XmlContext, opts: BlockOptions): string {
  const { kind, start } = listKindOf(node);
  const { reference, instance } = ctx.lists.open(kind, start);
  const items = node.content ?? [];
  // Every item starts with its own numbered paragraph, so a list with items uses its numbering
  // before any list nested in it does: the order docx numbers instances in.
  const numId = items.length > 0 ? ctx.parts.list(reference, instance) : 0;
  const level = Math.min(opts.listLevel ?? 0, MAX_LEVEL);
  const numbered = `${pStyle("ListParagraph")}<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`;
  const continued = `${pStyle(StyleId.listContinue)}<w:ind w:left="${720 * (level + 1)}"/>`;
  let out = "";
  for (const item of items) {
    let body = "";
    let hasNumber = false;
    const parts = item.type === "listItem" ? (item.content ?? []) : [item];
    for (let i = 0; i < parts.length; i++) {
      const child = parts[i]!;
      if (child.type === "paragraph" || child.type === "heading") {
        body += para(hasNumber ? continued : numbered, writeInline(child.content, ctx));
        hasNumber = true;
      } else {
        const blocks = withAttribution(parts, i);
        body += writeBlocks(blocks, ctx, { ...opts, listLevel: level + 1 });
        i += blocks.length - 1;
      }
    }
    out += hasNumber ? body : para(numbered, "") + body;
  }
  return out;
}
