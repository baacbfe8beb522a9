import { Node } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { problemBlock } from "../../client/check/block-at-path.ts";
import { restoreSource } from "../../client/check/restore-source.ts";
import {
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
