import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Mapping, StepMap } from "@tiptap/pm/transform";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { isAttributionLine } from "../../server/schema/attribution.ts";

/** Attrs that give a blockquote an attribution of its own (export writes one under it). */
const ATTRIBUTED = ["snippetId", "articleId", "speaker"] as const;

const isAttributed = (quote: PMNode) => ATTRIBUTED.some((name) => quote.attrs[name]);

/**
 * Where, inside `quote`, the "— Name, role" line the brief typed as the quote's last line
 * starts (an offset into its content), or null when it has none. Its lines are read as the
 * source check reads them (`quoteText`: paragraphs and headings, code blocks left out, a hard
 * break a newline), so what shows as the attribution is what the check compares.
 */
export function typedAttributionLine(quote: PMNode): number | null {
  if (!isAttributed(quote)) return null;
  const lines: { offset: number; text: string }[] = [];
  quote.descendants((node, offset) => {
    if (!node.isTextblock) return true;
    if (node.type.name !== "codeBlock") lines.push({ offset, text: lineText(node) });
    return false;
  });
  const last = lines.at(-1);
  return lines.length > 1 && last && isAttributionLine(last.text) ? last.offset : null;
}

const lineText = (block: PMNode) =>
  block.textBetween(0, block.content.size, "", (leaf) =>
    leaf.type.name === "hardBreak" ? "\n" : "",
  );

/**
 * True when the block at `pos` is the paragraph a writer typed right after a quote as its
 * "— Name, role" (the check reads that one too): the quote must have none typed inside, and
 * the paragraph must not be the typed last line of a quote around both, which export gives
 * that quote (`quoteLayout`).
 */
export function attributionAfterQuote(doc: PMNode, pos: number): boolean {
  const $pos = doc.resolve(pos);
  const quote = $pos.nodeBefore;
  const line = $pos.nodeAfter;
  if (quote?.type.name !== "blockquote" || line?.type.name !== "paragraph") return false;
  if (!isAttributed(quote) || typedAttributionLine(quote) !== null) return false;
  if (!isAttributionLine(lineText(line))) return false;
  for (let depth = $pos.depth; depth > 0; depth--) {
    if ($pos.node(depth).type.name !== "blockquote") continue;
    const offset = typedAttributionLine($pos.node(depth));
    if (offset !== null && $pos.start(depth) + offset === pos) return false;
  }
  return true;
}

/**
 * A class on each quote in [from, to) that has a typed attribution (its last line, or the
 * paragraph after it), and one on that line. Each block's decoration depends only on it and
 * its neighbours.
 */
function attributionDecorations(doc: PMNode, from: number, to: number): Decoration[] {
  const decorations: Decoration[] = [];
  const mark = (pos: number, node: PMNode, name: string) =>
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: name }));
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name === "paragraph" && attributionAfterQuote(doc, pos))
      mark(pos, node, "quote-attribution");
    if (node.isTextblock) return false;
    if (node.type.name !== "blockquote") return true;
    const offset = typedAttributionLine(node);
    if (offset !== null) {
      mark(pos, node, "has-typed-attribution");
      mark(pos + 1 + offset, node.resolve(offset).nodeAfter!, "quote-attribution");
    } else if (attributionAfterQuote(doc, pos + node.nodeSize)) {
      mark(pos, node, "has-typed-attribution");
    }
    return true;
  });
  return decorations;
}

/**
 * The decorations after `tr`. Only the top-level blocks that differ, and one on each side
 * (a quote's decoration depends on the paragraph after it, and that paragraph's on the
 * quote), are looked at again, so typing costs the same in a long brief as in a short one;
 * the rest keep theirs, shifted by the change in size (not mapped through `tr`, whose steps
 * may replace the whole document, as a change from the shared doc does).
 */
function nextDecorations(tr: Transaction, set: DecorationSet): DecorationSet {
  const start = tr.before.content.findDiffStart(tr.doc.content);
  const end = tr.before.content.findDiffEnd(tr.doc.content);
  if (start === null || !end) return set;
  const $from = tr.doc.resolve(Math.min(start, end.b));
  const $to = tr.doc.resolve(Math.max(start, end.b));
  const changedFrom = $from.depth ? $from.before(1) : $from.pos;
  const changedTo = $to.depth ? $to.after(1) : $to.pos;
  const from = changedFrom - (tr.doc.resolve(changedFrom).nodeBefore?.nodeSize ?? 0);
  const to = changedTo + (tr.doc.resolve(changedTo).nodeAfter?.nodeSize ?? 0);
  const before = to - (tr.doc.content.size - tr.before.content.size);
  const shifted = set.map(new Mapping([new StepMap([from, before - from, to - from])]), tr.doc);
  const stale = shifted.find(from, to).filter((d) => d.from >= from && d.to <= to);
  return shifted.remove(stale).add(tr.doc, attributionDecorations(tr.doc, from, to));
}

const typedAttributionKey = new PluginKey<DecorationSet>("typedAttribution");

/** The plugin behind `TypedAttribution`: its state is the decorations. */
export function typedAttributionPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: typedAttributionKey,
    state: {
      init: (_, { doc }) =>
        DecorationSet.create(doc, attributionDecorations(doc, 0, doc.content.size)),
      apply: (tr, set) => (tr.docChanged ? nextDecorations(tr, set) : set),
    },
    props: { decorations: (state) => typedAttributionKey.getState(state) },
  });
}

/**
 * A quote's attribution shows once: the editor draws one from the quote's speaker (CSS, on
 * `blockquote[data-speaker]`) unless the brief typed its own as the quote's last line or as
 * the paragraph right after it, which then looks like the attribution it is. Export does the
 * same (`quoteLayout`).
 */
export const TypedAttribution = Extension.create({
  name: "typedAttribution",
  addProseMirrorPlugins: () => [typedAttributionPlugin()],
});
