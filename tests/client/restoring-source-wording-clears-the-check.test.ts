import { Node } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { problemBlock } from "../../client/check/block-at-path.ts";
import { restoreSource } from "../../client/check/restore-source.ts";
import { checkBrief } from "../../server/check/check-brief.ts";
import type { PMNode } from "../../server/schema/brief.ts";
import { editorSchema } from "../../server/schema/editor.ts";
import {
  draftedSample,
  insertAfter,
  nodeAt,
  paragraph,
  quotePath,
  sampleArticles,
  setQuoteText,
  snippetStarting,
} from "../check/fixtures/drafted-sample.ts";

const HONG = "This establishes a framework";

/** Restores every problem the check finds, one transaction each, as clicking each flag would. */
function restoreAll(json: PMNode): { doc: PMNode; restored: number } {
  let state = EditorState.create({ doc: Node.fromJSON(editorSchema, json) });
  let restored = 0;
  for (;;) {
    const [problem] = checkBrief(state.doc.toJSON() as PMNode, sampleArticles()).problems;
    if (!problem) break;
    const block = problemBlock(state.doc, problem);
    const tr = block && restoreSource(state, block, problem);
    if (!tr) break;
    state = state.apply(tr);
    if (++restored > 5) throw new Error("restore does not converge");
  }
  return { doc: state.doc.toJSON() as PMNode, restored };
}

const problemsOf = (doc: PMNode) => checkBrief(doc, sampleArticles()).problems;

describe("restore source wording", () => {
  it.each([
    ["altered words", (t: string) => t.replace("automatically", "certainly")],
    ["an elision", (t: string) => t.replace(" or military support", " …")],
    ["a bracketed insertion", (t: string) => t.replace("North Korea", "[the DPRK]")],
  ])("puts the snippet's words back after %s in a snippet blockquote", async (_, alter) => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const path = quotePath(doc, snippet);
    setQuoteText(doc, path, alter(snippet.text));
    expect(problemsOf(doc)).toHaveLength(1);

    const { doc: fixed, restored } = restoreAll(doc);
    expect(restored).toBe(1);
    expect(problemsOf(fixed)).toEqual([]);
    expect(nodeAt(fixed, path).content?.[0]?.content?.[0]?.text).toBe(snippet.text);
  });

  it("gives a blockquote back its snippet's speaker", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const path = quotePath(doc, snippet);
    nodeAt(doc, path).attrs!.speaker = "Kim Jong Un";
    expect(problemsOf(doc).map((p) => p.kind)).toEqual(["wrong_speaker"]);

    const { doc: fixed } = restoreAll(doc);
    expect(problemsOf(fixed)).toEqual([]);
    expect(nodeAt(fixed, path).attrs?.speaker).toBe(snippet.speaker);
  });

  it("fixes the name in an attribution line after cited quoted text", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    insertAfter(doc, 0, paragraph([`“${snippet.text}”`, snippet], " — Vladimir Putin"));
    expect(problemsOf(doc).map((p) => p.kind)).toEqual(["wrong_speaker"]);

    const { doc: fixed } = restoreAll(doc);
    expect(problemsOf(fixed)).toEqual([]);
    expect(JSON.stringify(fixed.content?.[1])).toContain(`— ${snippet.speaker}`);
  });

  it("puts the source's words back in cited text, keeping its citation", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const altered = snippet.text.replace("automatically", "surely");
    insertAfter(doc, 0, paragraph("As one analyst put it, ", [`“${altered}”`, snippet], "."));
    expect(problemsOf(doc).map((p) => p.kind)).toEqual(["altered"]);

    const { doc: fixed } = restoreAll(doc);
    expect(problemsOf(fixed)).toEqual([]);
    const cited = fixed.content?.[1]?.content?.find((n) => n.marks?.length);
    expect(cited?.text).toContain(snippet.text);
    expect(cited?.marks?.[0]).toMatchObject({ type: "citation", attrs: { snippetId: snippet.id } });
  });

  it("offers nothing for quotation marks with no source behind them", async () => {
    const doc = await draftedSample();
    insertAfter(doc, 0, paragraph("He called it “a historic mistake that nobody said”."));
    const [problem] = problemsOf(doc);
    expect(problem?.kind).toBe("unsourced_quote");
    const state = EditorState.create({ doc: Node.fromJSON(editorSchema, doc) });
    const block = problemBlock(state.doc, problem!);
    expect(block).not.toBeNull();
    expect(restoreSource(state, block!, problem!)).toBeNull();
  });
});
