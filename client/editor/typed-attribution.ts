import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Mapping, StepMap } from "@tiptap/pm/transform";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { isAttributionLine } from "../../server/schema/attribution.ts";

/** Attrs that give a blockquote an attribution of its own (export writes one under it). */
const ATTRIBUTED = ["snippetId", "articleId", "speaker"] as const;

/**
 * Where, inside `quote`, the "— Name, role" line the brief typed as the quote's last line
 * starts (an offset into its content), or null when it has none. Its lines are read as the
 * source check reads them (`quoteText`: paragraphs and headings, code blocks left out, a hard
 * break a newline), so what shows as the attribution is what the check compares.
 */
export function typedAttributionLine(quote: PMNode): number | null {
  if (!ATTRIBUTED.some((name) => quote.attrs[name])) return null;
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

/** A class on each quote in [from, to) that closes with a typed attribution, and one on that line. */
function attributionDecorations(doc: PMNode, from: number, to: number): Decoration[] {
  const decorations: Decoration[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isTextblock) return false;
    if (node.type.name !== "blockquote") return true;
    const offset = typedAttributionLine(node);
    if (offset === null) return true;
    const line = node.resolve(offset).nodeAfter!;
    const at = pos + 1 + offset;
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, { class: "has-typed-attribution" }),
      Decoration.node(at, at + line.nodeSize, { class: "quote-attribution" }),
    );
    return true;
  });
  return decorations;
}

/**
 * The decorations after `tr`. Only the top-level blocks that differ are looked at again, so
 * typing costs the same in a long brief as in a short one; the rest keep theirs, shifted by
 * the change in size (not mapped through `tr`, whose steps may replace the whole document, as
 * a change from the shared doc does).
 */
function nextDecorations(tr: Transaction, set: DecorationSet): DecorationSet {
  const start = tr.before.content.findDiffStart(tr.doc.content);
  const end = tr.before.content.findDiffEnd(tr.doc.content);
  if (start === null || !end) return set;
  const $from = tr.doc.resolve(Math.min(start, end.b));
  const $to = tr.doc.resolve(Math.max(start, end.b));
  const from = $from.depth ? $from.before(1) : $from.pos;
  const to = $to.depth ? $to.after(1) : $to.pos;
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
 * `blockquote[data-speaker]`) unless the brief typed its own as the quote's last line, which
 * then looks like the attribution it is. Export does the same (`quoteLayout`).
 */
export const TypedAttribution = Extension.create({
  name: "typedAttribution",
  addProseMirrorPlugins: () => [typedAttributionPlugin()],
});
