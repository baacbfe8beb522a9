import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type { Problem } from "../../server/schema/check.ts";
import { type LocatedBlock, problemBlock } from "./block-at-path.ts";
import { destroyFlag, flagWidget, type RestoreHandler } from "./flag-widget.ts";
import { restoreSource } from "./restore-source.ts";

interface FlagsState {
  /** The last check's problems, located by path. */
  problems: readonly Problem[];
  decorations: DecorationSet;
}

/** Sets the problems to flag, or drops one that a restore just fixed. */
type FlagsMeta = { problems: readonly Problem[] } | { fixed: Problem };

const flagsKey = new PluginKey<FlagsState>("sourceFlags");

const restore: RestoreHandler = (problem, view, widgetPos) => {
  const $pos = view.state.doc.resolve(widgetPos);
  const block: LocatedBlock = { node: $pos.parent, pos: $pos.before() };
  const tr = restoreSource(view.state, block, problem);
  if (tr) view.dispatch(tr.setMeta(flagsKey, { fixed: problem } satisfies FlagsMeta));
};

/** A flag (margin widget) and a highlight for each block with problems. */
function flagDecorations(doc: PMNode, problems: readonly Problem[]): DecorationSet {
  const byBlock = new Map<number, { block: LocatedBlock; problems: Problem[] }>();
  for (const problem of problems) {
    const block = problemBlock(doc, problem);
    if (!block) continue;
    const entry = byBlock.get(block.pos) ?? { block, problems: [] };
    entry.problems.push(problem);
    byBlock.set(block.pos, entry);
  }
  const decorations = [...byBlock.values()].flatMap(({ block: { node, pos }, problems }) => {
    const kinds = [...new Set(problems.map((p) => p.kind))].join(" ");
    const inQuote = node.type.name === "blockquote";
    return [
      Decoration.node(pos, pos + node.nodeSize, {
        class: "source-flagged",
        "data-source-problems": kinds,
      }),
      // Inside the block, before its content, so the flag travels with it.
      Decoration.widget(pos + 1, flagWidget(problems, inQuote, restore), {
        side: -1,
        key: `source-flag ${JSON.stringify(problems)}`,
        ignoreSelection: true,
        stopEvent: () => true,
        destroy: destroyFlag,
      }),
    ];
  });
  return DecorationSet.create(doc, decorations);
}

const WORDING = new Set<Problem["kind"]>(["altered", "elided", "inserted"]);

/** True when restoring `fixed` also fixes `p`: one restore mends all of a quote's wording. */
function fixedBy(fixed: Problem, p: Problem): boolean {
  if (JSON.stringify(fixed) === JSON.stringify(p)) return true;
  const sameQuote = fixed.snippetId === p.snippetId && fixed.path.join(".") === p.path.join(".");
  return sameQuote && WORDING.has(fixed.kind) && WORDING.has(p.kind);
}

/** True for a change that arrived from the shared Y.Doc (another person, or undo). */
const fromSharedDoc = (tr: Transaction) =>
  Boolean((tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin);

/**
 * Source-check flags in the editor margin. Between checks the flags follow local edits; a
 * change from the shared doc replaces the whole ProseMirror document, so the flags are then
 * placed again by their paths (the next check, moments later, settles them).
 */
export const SourceFlags = Extension.create({
  name: "sourceFlags",
  addProseMirrorPlugins() {
    return [
      new Plugin<FlagsState>({
        key: flagsKey,
        state: {
          init: () => ({ problems: [], decorations: DecorationSet.empty }),
          apply(tr, value) {
            const meta = tr.getMeta(flagsKey) as FlagsMeta | undefined;
            let { problems } = value;
            if (meta && "problems" in meta) problems = meta.problems;
            if (meta && "fixed" in meta) problems = problems.filter((p) => !fixedBy(meta.fixed, p));
            if (meta || fromSharedDoc(tr))
              return { problems, decorations: flagDecorations(tr.doc, problems) };
            if (!tr.docChanged) return value;
            return { problems, decorations: value.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: { decorations: (state) => flagsKey.getState(state)?.decorations },
      }),
    ];
  },
});

/** Shows the latest check's problems in the editor's margin. */
export function showSourceProblems(view: EditorView, problems: readonly Problem[]): void {
  const tr = view.state.tr.setMeta(flagsKey, { problems } satisfies FlagsMeta);
  view.dispatch(tr.setMeta("addToHistory", false));
}
