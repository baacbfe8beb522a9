import { Node } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { problemBlock } from "../../client/check/block-at-path.ts";
import { restoreSource } from "../../client/check/restore-source.ts";
import {
  attributionAfterQuote,
  typedAttributionLine,
  typedAttributionPlugin,
} from "../../client/editor/typed-attribution.ts";
import { checkBrief } from "../../server/check/check-brief.ts";
import type { PMNode } from "../../server/schema/brief.ts";
import { editorSchema } from "../../server/schema/editor.ts";
import {
  draftedSample,
  nodeAt,
  paragraph,
  quotePath,
  sampleArticles,
  snippetStarting,
} from "../check/fixtures/drafted-sample.ts";

const WORDS = "Grid fees will have to rise next year.";
const ATTRS = {
  snippetId: "q",
  articleId: "a",
  speaker: "Klaus Müller",
  speakerRole: "president of the Federal Network Agency",
};

const quote = (attrs: Record<string, string> | undefined, ...lines: string[]): PMNode => ({
  type: "blockquote",
  ...(attrs ? { attrs } : {}),
  content: lines.map((line) => paragraph(line)),
});
const nodeOf = (json: PMNode) => Node.fromJSON(editorSchema, json);
const stateOf = (...blocks: PMNode[]) =>
  EditorState.create({
    doc: nodeOf({ type: "doc", content: blocks }),
    plugins: [typedAttributionPlugin()],
  });

/** What the plugin decorates: each quote drawn without its speaker's line, and each typed line. */
function decorated(state: EditorState) {
  const set = state.plugins[0]!.getState(state);
  const found = set.find().map((d: { from: number; to: number }) => {
    const node = state.doc.nodeAt(d.from)!;
    expect(d.to - d.from).toBe(node.nodeSize);
    return node;
  });
  return {
    quotes: found.filter((n: Node) => n.type.name === "blockquote").map((n: Node) => n.textContent),
    lines: found.filter((n: Node) => n.type.name === "paragraph").map((n: Node) => n.textContent),
  };
}

describe("a quote's typed attribution line", () => {
  it("is its last line when that reads as an attribution, as the source check reads one", () => {
    const withLine = nodeOf(quote(ATTRS, WORDS, "— Klaus Müller, president"));
    expect(typedAttributionLine(withLine)).toBe(withLine.child(0).nodeSize);
    expect(typedAttributionLine(nodeOf(quote(ATTRS, WORDS)))).toBeNull();
    expect(
      typedAttributionLine(nodeOf(quote(ATTRS, WORDS, "Prices — not fees — rise."))),
    ).toBeNull();
    // A quote that is only a dash line has no words to attribute: the check reads it as words.
    expect(typedAttributionLine(nodeOf(quote(ATTRS, "— Klaus Müller")))).toBeNull();
  });

  it("is not looked for in a plain blockquote, which has no drawn attribution", () => {
    expect(typedAttributionLine(nodeOf(quote(undefined, WORDS, "— Anon")))).toBeNull();
  });

  it("marks the quote, so its speaker's line is not drawn, and looks like the attribution", () => {
    const state = stateOf(
      paragraph("Intro."),
      quote(ATTRS, WORDS, "— Klaus Müller"),
      quote(ATTRS, WORDS),
    );
    expect(decorated(state)).toEqual({
      quotes: [`${WORDS}— Klaus Müller`],
      lines: ["— Klaus Müller"],
    });
  });

  it("follows edits: typed after Enter, kept through edits elsewhere, gone when deleted", () => {
    let state = stateOf(quote(ATTRS, WORDS), paragraph("After."));
    expect(decorated(state)).toEqual({ quotes: [], lines: [] });

    const endOfWords = 2 + WORDS.length; // into the blockquote, into its paragraph, past the words
    state = state.apply(state.tr.split(endOfWords).insertText("— Peter Adrian", endOfWords + 2));
    expect(decorated(state).lines).toEqual(["— Peter Adrian"]);

    state = state.apply(state.tr.insertText("Still ", state.doc.content.size - 7));
    state = state.apply(state.tr.insertText("s", endOfWords - 1));
    expect(state.doc.child(1).textContent).toBe("Still After.");
    expect(decorated(state).lines).toEqual(["— Peter Adrian"]);

    const quoteNode = state.doc.child(0);
    const line = 1 + quoteNode.child(0).nodeSize;
    state = state.apply(state.tr.delete(line, line + quoteNode.child(1).nodeSize));
    expect(decorated(state)).toEqual({ quotes: [], lines: [] });
  });

  it("stays on untouched quotes when a change from the shared doc replaces the whole document", () => {
    let state = stateOf(
      quote(ATTRS, WORDS, "— Klaus Müller"),
      paragraph("Between."),
      quote(ATTRS, WORDS, "— Klaus Müller, president"),
    );
    const json = state.doc.toJSON() as PMNode;
    json.content![1] = paragraph("Between, edited elsewhere.");
    const next = nodeOf(json);
    state = state.apply(state.tr.replaceWith(0, state.doc.content.size, next.content));
    expect(decorated(state).lines).toEqual(["— Klaus Müller", "— Klaus Müller, president"]);
  });

  it("is the one attribution shown after “Restore source speaker” rewrites a wrong name in it", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting("This establishes a framework");
    const path = quotePath(doc, snippet);
    nodeAt(doc, path).content!.push(paragraph("— Lee Sang-min, researcher at KIDA"));
    let state = EditorState.create({ doc: nodeOf(doc), plugins: [typedAttributionPlugin()] });
    expect(decorated(state).lines).toEqual(["— Lee Sang-min, researcher at KIDA"]);

    const [problem] = checkBrief(doc, sampleArticles()).problems;
    expect(problem).toMatchObject({ kind: "wrong_speaker", found: "Lee Sang-min" });
    state = state.apply(restoreSource(state, problemBlock(state.doc, problem!)!, problem!)!);

    const fixed = `— ${snippet.speaker}, ${snippet.speakerRole}`;
    expect(decorated(state)).toEqual({ quotes: [expect.stringContaining(fixed)], lines: [fixed] });
  });
});

describe("an attribution typed as the paragraph right after a quote", () => {
  it("is read as the source check reads one: only after a quote with a speaker and no line of its own", () => {
    const followsQuote = (...blocks: PMNode[]) => {
      const { doc } = stateOf(...blocks);
      return attributionAfterQuote(doc, doc.child(0).nodeSize);
    };
    expect(followsQuote(quote(ATTRS, WORDS), paragraph("— Klaus Müller, president"))).toBe(true);
    expect(followsQuote(quote(ATTRS, WORDS), paragraph("Prices — not fees — rise."))).toBe(false);
    expect(followsQuote(quote(undefined, WORDS), paragraph("— Anon"))).toBe(false);
    expect(followsQuote(quote(ATTRS, WORDS, "— Ann"), paragraph("— Klaus Müller"))).toBe(false);
    expect(followsQuote(paragraph(WORDS), paragraph("— Klaus Müller"))).toBe(false);
  });

  it("marks the quote, so its speaker's line is not drawn, and that paragraph as the attribution", () => {
    const state = stateOf(
      paragraph("Intro."),
      quote(ATTRS, WORDS),
      paragraph("— Klaus Müller, president"),
      paragraph("After."),
      quote(ATTRS, WORDS),
      paragraph("Analysts — and ministers — expect more."),
    );
    expect(decorated(state)).toEqual({ quotes: [WORDS], lines: ["— Klaus Müller, president"] });
  });

  it("leaves a paragraph after a quote that has a typed last line as it is", () => {
    const state = stateOf(quote(ATTRS, WORDS, "— Ann"), paragraph("— Klaus Müller"));
    expect(decorated(state)).toEqual({ quotes: [`${WORDS}— Ann`], lines: ["— Ann"] });
  });

  it("gives a line closing a quote around another quote to the outer quote, as export does", () => {
    const outer = {
      ...quote(ATTRS, "Before."),
      content: [quote(ATTRS, WORDS), paragraph("— Ann")],
    };
    expect(decorated(stateOf(outer))).toEqual({ quotes: [`${WORDS}— Ann`], lines: ["— Ann"] });
  });

  it("follows edits to the paragraph, to the quote, and to what lies between them", () => {
    let state = stateOf(quote(ATTRS, WORDS), paragraph("Klaus Müller"), paragraph("After."));
    expect(decorated(state)).toEqual({ quotes: [], lines: [] });

    // The dash typed at the start of the paragraph after the quote makes it the attribution.
    const paragraphStart = state.doc.child(0).nodeSize + 1;
    state = state.apply(state.tr.insertText("— ", paragraphStart));
    expect(decorated(state)).toEqual({ quotes: [WORDS], lines: ["— Klaus Müller"] });

    // A line typed inside the quote is its attribution now; the paragraph is text again.
    const endOfWords = 2 + WORDS.length;
    state = state.apply(state.tr.split(endOfWords).insertText("— Ann", endOfWords + 2));
    expect(decorated(state)).toEqual({ quotes: [`${WORDS}— Ann`], lines: ["— Ann"] });
    const line = 1 + state.doc.child(0).child(0).nodeSize;
    state = state.apply(state.tr.delete(line, line + state.doc.child(0).child(1).nodeSize));
    expect(decorated(state)).toEqual({ quotes: [WORDS], lines: ["— Klaus Müller"] });

    // A paragraph put between them, then taken out again.
    const between = state.doc.child(0).nodeSize;
    const inserted = state.schema.nodes.paragraph!.create(null, state.schema.text("Between."));
    state = state.apply(state.tr.insert(between, inserted));
    expect(decorated(state)).toEqual({ quotes: [], lines: [] });
    state = state.apply(state.tr.delete(between, between + inserted.nodeSize));
    expect(decorated(state)).toEqual({ quotes: [WORDS], lines: ["— Klaus Müller"] });

    // The dash deleted again.
    const start = state.doc.child(0).nodeSize + 1;
    state = state.apply(state.tr.delete(start, start + 2));
    expect(decorated(state)).toEqual({ quotes: [], lines: [] });
  });

  it("is the one attribution shown when the check reads it as the quote's speaker", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting("This establishes a framework");
    const path = quotePath(doc, snippet);
    expect(path).toHaveLength(1);
    doc.content!.splice(path[0]! + 1, 0, paragraph("— Lee Sang-min, researcher at KIDA"));
    let state = EditorState.create({ doc: nodeOf(doc), plugins: [typedAttributionPlugin()] });
    expect(decorated(state).lines).toEqual(["— Lee Sang-min, researcher at KIDA"]);

    const [problem] = checkBrief(doc, sampleArticles()).problems;
    expect(problem).toMatchObject({ kind: "wrong_speaker", found: "Lee Sang-min" });
    state = state.apply(restoreSource(state, problemBlock(state.doc, problem!)!, problem!)!);

    const fixed = `— ${snippet.speaker}, ${snippet.speakerRole}`;
    expect(decorated(state).lines).toEqual([fixed]);
  });
});
