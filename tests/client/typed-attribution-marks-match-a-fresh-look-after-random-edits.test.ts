import { Node } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { typedAttributionPlugin } from "../../client/editor/typed-attribution.ts";
import type { PMNode } from "../../server/schema/brief.ts";
import { editorSchema } from "../../server/schema/editor.ts";
import { paragraph } from "../check/fixtures/drafted-sample.ts";
import { type Random, seededRandom } from "../utils/seeded-random.ts";

const ATTRS = { snippetId: "q", articleId: "a", speaker: "Klaus Müller" };
const quote = (...lines: string[]): PMNode => ({
  type: "blockquote",
  attrs: ATTRS,
  content: lines.map((line) => paragraph(line)),
});
const START: PMNode = {
  type: "doc",
  content: [
    paragraph("Intro."),
    quote("Fees will rise.", "— Klaus Müller"),
    quote("Fees will rise."),
    paragraph("— Peter Adrian, president"),
    quote("Fees will rise."),
    paragraph("Analysts expect more."),
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [quote("Nested.", "— Ann")] },
        { type: "listItem", content: [quote("Nested."), paragraph("— Ann")] },
      ],
    },
    paragraph("End."),
  ],
};
const PIECES = ["— Peter Adrian", "x", " — ", "Words. ", "— "];

/** Where the decorations are and what they cover, in document order. */
const marks = (state: EditorState) =>
  state.plugins[0]!.getState(state)
    .find()
    .map((d: { from: number; to: number }) => `${d.from}-${d.to}`);

/** Positions inside a textblock, where text can go. */
function textPositions(doc: Node): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (let i = 0; i <= node.content.size; i++) out.push(pos + 1 + i);
    return false;
  });
  return out;
}

function randomEdit(state: EditorState, random: Random): Transaction {
  const { tr, doc } = state;
  const at = random.pick(textPositions(doc));
  switch (random.int(6)) {
    case 0:
      return tr.insertText(random.pick(PIECES), at);
    case 1:
      // Enter, and often a line typed after it.
      tr.split(at);
      return random.chance(0.6) ? tr.insertText(random.pick(PIECES), at + 2) : tr;
    case 2:
      return tr.delete(at, Math.min(at + 1 + random.int(12), doc.content.size));
    case 3: {
      // Someone elsewhere clears or sets a quote's speaker.
      let quotePos = -1;
      doc.descendants((node, pos) => {
        if (node.type.name === "blockquote" && random.chance(0.5)) quotePos = pos;
        return true;
      });
      if (quotePos < 0) return tr.insertText("y", at);
      const attrs = doc.nodeAt(quotePos)!.attrs;
      const next = attrs.snippetId ? { snippetId: null, articleId: null, speaker: null } : ATTRS;
      return tr.setNodeMarkup(quotePos, undefined, next);
    }
    case 4: {
      // A paragraph typed right after a quote, often an attribution.
      const after: number[] = [];
      doc.descendants((node, pos) => {
        if (node.type.name === "blockquote") after.push(pos + node.nodeSize);
        return true;
      });
      if (after.length === 0) return tr.insertText("y", at);
      const line = doc.type.schema.nodes.paragraph!.create(
        null,
        doc.type.schema.text(random.pick(PIECES)),
      );
      return tr.insert(random.pick(after), line);
    }
    default: {
      // A change from the shared doc: the whole document replaced by one with an edit in it.
      const edited = EditorState.create({ doc }).tr.insertText("z", at).doc;
      return tr.replaceWith(0, doc.content.size, edited.content);
    }
  }
}

describe("typed attribution marks", () => {
  it.each([1, 2, 3, 4, 5])(
    "after random edits are where a fresh look at the document puts them (seed %i)",
    (seed) => {
      const random = seededRandom(seed);
      let state = EditorState.create({
        doc: Node.fromJSON(editorSchema, START),
        plugins: [typedAttributionPlugin()],
      });
      for (let step = 0; step < 300; step++) {
        let tr: Transaction;
        try {
          tr = randomEdit(state, random);
        } catch {
          continue; // a split or delete that does not fit the schema here
        }
        state = state.apply(tr);
        const fresh = EditorState.create({ doc: state.doc, plugins: [typedAttributionPlugin()] });
        expect(marks(state), `seed ${seed}, step ${step}`).toEqual(marks(fresh));
      }
    },
  );
});
