import type { PMNode } from "../../schema/brief.ts";
import type { RenderContext } from "../context.ts";
import { sourcesSectionEnd } from "../sources-list.ts";
import { writeBlocks } from "./blocks-xml.ts";
import { writeSourcesList } from "./sources-xml.ts";
import { XmlParts } from "./xml-context.ts";

/**
 * The brief's body as `w:body` XML, the Sources list inside the brief's own "Sources" section
 * (or at the end), with the hyperlinks and list instances it uses, in document order.
 */
export function writeBody(
  nodes: PMNode[],
  ctx: RenderContext,
  withSourcesList: boolean,
): { xml: string; parts: XmlParts } {
  const parts = new XmlParts();
  const xctx = { ...ctx, parts };
  const at = sourcesSectionEnd(nodes);
  const cut = at ?? nodes.length;
  const before = writeBlocks(nodes.slice(0, cut), xctx);
  // The list needs every citation, so the body after it is written first.
  const after = parts.deferLinks(() => writeBlocks(nodes.slice(cut), xctx));
  const sources = withSourcesList
    ? writeSourcesList(ctx.notes.citedOrder, ctx.sources, parts, at === undefined)
    : "";
  return { xml: before + sources + parts.placeDeferred(after), parts };
}
