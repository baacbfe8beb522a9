import { Node } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { problemBlock } from "../../client/check/block-at-path.ts";
import { restoreSource } from "../../client/check/restore-source.ts";
import { checkBrief } from "../../server/check/check-brief.ts";
import type { Snippet } from "../../server/schema/article.ts";
import type { PMNode } from "../../server/schema/brief.ts";
import { editorSchema } from "../../server/schema/editor.ts";
import {
  ARTICLE_ID,
  draftedSample,
  insertAfter,
  nodeAt,
  paragraph,
  quotePath,
  sampleArticle,
  sampleArticles,
  setQuoteText,
  snippetStarting,
} from "../check/fixtures/drafted-sample.ts";

const HONG = "This establishes a framework";

/** Restores every problem the check finds, one transaction each, as clicking each flag would. */
function restoreAll(json: PMNode, articles = sampleArticles()): { doc: PMNode; restored: number } {
  let state = EditorState.create({ doc: Node.fromJSON(editorSchema, json) });
  let restored = 0;
  for (;;) {
    const [problem] = checkBrief(state.doc.toJSON() as PMNode, articles).problems;
    if (!problem) break;
    const block = problemBlock(state.doc, problem);
    const tr = block && restoreSource(state, block, problem);
    if (!tr) break;
    state = state.apply(tr);
    if (++restored > 5) throw new Error("restore does not converge");
  }
  return { doc: state.doc.toJSON() as PMNode, restored };
}

const problemsOf = (doc: PMNode, articles = sampleArticles()) => checkBrief(doc, articles).problems;
const kindsOf = (doc: PMNode) => problemsOf(doc).map((p) => p.kind);

/** A text node citing `snippet`, with any other marks (bold, italic) on top. */
const cited = (text: string, snippet: Snippet, ...marks: string[]): PMNode => ({
  type: "text",
  text,
  marks: [
    ...marks.map((type) => ({ type })),
    { type: "citation", attrs: { snippetId: snippet.id, articleId: snippet.articleId } },
  ],
});

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

  it("puts the snippet's words back above a closing attribution line, keeping the line", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const path = quotePath(doc, snippet);
    const attribution = paragraph("— Hong Min, senior analyst");
    nodeAt(doc, path).content = [
      paragraph(snippet.text.replace("automatically", "surely")),
      attribution,
    ];
    expect(kindsOf(doc)).toEqual(["altered"]);

    const { doc: fixed } = restoreAll(doc);
    expect(problemsOf(fixed)).toEqual([]);
    expect(nodeAt(fixed, path).content).toEqual([paragraph(snippet.text), attribution]);
  });

  it.each(["after", "inside"] as const)(
    "fixes a wrong name in an attribution line %s the blockquote",
    async (where) => {
      const doc = await draftedSample();
      const snippet = snippetStarting(HONG);
      const path = quotePath(doc, snippet);
      const line = paragraph("— Lee Sang-min, researcher at KIDA");
      if (where === "after") insertAfter(doc, path[0]!, line);
      else nodeAt(doc, path).content!.push(line);
      expect(problemsOf(doc)).toEqual([
        expect.objectContaining({ kind: "wrong_speaker", path, found: "Lee Sang-min" }),
      ]);

      const { doc: fixed, restored } = restoreAll(doc);
      expect(restored).toBe(1);
      expect(problemsOf(fixed)).toEqual([]);
      const quote = nodeAt(fixed, path);
      const fixedLine = where === "after" ? nodeAt(fixed, [path[0]! + 1]) : quote.content!.at(-1)!;
      // The role belonged to the wrong person: the snippet's replaces it.
      expect(fixedLine.content?.[0]?.text).toBe(`— ${snippet.speaker}, ${snippet.speakerRole}`);
      expect(quote.attrs?.speaker).toBe(snippet.speaker);
    },
  );

  it("fixes a wrong speaker attr and a different wrong name in its closing line, one each", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const path = quotePath(doc, snippet);
    nodeAt(doc, path).attrs!.speaker = "Vladimir Putin";
    nodeAt(doc, path).content!.push(paragraph("— Kim Jong Un, leader"));
    expect(kindsOf(doc)).toEqual(["wrong_speaker", "wrong_speaker"]);

    const { doc: fixed, restored } = restoreAll(doc);
    expect(restored).toBe(2);
    expect(problemsOf(fixed)).toEqual([]);
    expect(nodeAt(fixed, path).attrs?.speaker).toBe(snippet.speaker);
    expect(nodeAt(fixed, path).attrs?.speakerRole).toBe(snippet.speakerRole);
    expect(nodeAt(fixed, path).content?.[1]?.content?.[0]?.text).toBe(
      `— Hong Min, ${snippet.speakerRole}`,
    );
  });

  it("drops a speaker the source does not name, with its attribution line", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const path = quotePath(doc, snippet);
    insertAfter(doc, path[0]!, paragraph("— Hong Min, senior analyst"));
    const unnamed = { ...snippet, speaker: undefined, speakerRole: undefined };
    const article = {
      ...sampleArticle(),
      snippets: sampleArticle().snippets.map((s) => (s.id === snippet.id ? unnamed : s)),
    };
    const articles = new Map([[ARTICLE_ID, article]]);
    expect(problemsOf(doc, articles)).toEqual([
      // no `expected`: the source names nobody
      {
        kind: "wrong_speaker",
        path,
        snippetId: snippet.id,
        articleId: ARTICLE_ID,
        found: "Hong Min",
      },
    ]);

    const { doc: fixed } = restoreAll(doc, articles);
    expect(problemsOf(fixed, articles)).toEqual([]);
    expect(nodeAt(fixed, path).attrs).toMatchObject({ speaker: null, speakerRole: null });
    expect(fixed.content).toHaveLength(doc.content!.length - 1);
  });

  it("puts the source's words back in a cited quotation split by a bold mark", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const altered = snippet.text.replace("military support", "armed support");
    const [bold, after] = [altered.indexOf("Russia's"), altered.indexOf(" will")];
    insertAfter(doc, 0, {
      type: "paragraph",
      content: [
        { type: "text", text: "As one analyst put it, " },
        cited(`“${altered.slice(0, bold)}`, snippet),
        cited(altered.slice(bold, after), snippet, "bold"),
        cited(`${altered.slice(after)}”`, snippet),
        { type: "text", text: "." },
      ],
    });
    expect(problemsOf(doc)).toEqual([
      expect.objectContaining({ kind: "altered", path: [1], removed: ["military"] }),
    ]);

    const { doc: fixed } = restoreAll(doc);
    expect(problemsOf(fixed)).toEqual([]);
    const [, quote] = fixed.content?.[1]?.content ?? [];
    expect(quote).toMatchObject({ text: `“${snippet.text}”`, marks: [{ type: "citation" }] });
  });

  it("puts back both the words elided and the speaker of a cited quotation", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const elided = snippet.text.replace(" or military support", " …");
    insertAfter(doc, 0, paragraph([`“${elided}”`, snippet], " — Vladimir Putin, president"));
    expect(kindsOf(doc)).toEqual(["elided", "wrong_speaker"]);

    const { doc: fixed, restored } = restoreAll(doc);
    expect(restored).toBe(2);
    expect(problemsOf(fixed)).toEqual([]);
    expect(nodeAt(fixed, [1]).content?.map((n) => n.text)).toEqual([
      `“${snippet.text}”`,
      ` — ${snippet.speaker}, ${snippet.speakerRole}`,
    ]);
  });

  it("replaces a cited quotation's speaker and role up to the end of the sentence", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    insertAfter(
      doc,
      0,
      paragraph([`“${snippet.text}”`, snippet], " — Vladimir Putin, president. He said more."),
    );
    expect(kindsOf(doc)).toEqual(["wrong_speaker"]);

    const { doc: fixed } = restoreAll(doc);
    expect(problemsOf(fixed)).toEqual([]);
    expect(nodeAt(fixed, [1]).content?.[1]?.text).toBe(
      ` — ${snippet.speaker}, ${snippet.speakerRole}. He said more.`,
    );
  });

  it("adds no role to an attribution line that gave none", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const path = quotePath(doc, snippet);
    insertAfter(doc, path[0]!, paragraph("— Lee Sang-min"));

    const { doc: fixed } = restoreAll(doc);
    expect(problemsOf(fixed)).toEqual([]);
    expect(nodeAt(fixed, [path[0]! + 1]).content?.[0]?.text).toBe(`— ${snippet.speaker}`);
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

  it("offers nothing for a blockquote whose snippet is gone", async () => {
    const doc = await draftedSample();
    const path = quotePath(doc, snippetStarting(HONG));
    nodeAt(doc, path).attrs!.snippetId = `${ARTICLE_ID}:gone`;
    const [problem, ...rest] = problemsOf(doc);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ kind: "missing_source", path });
    const state = EditorState.create({ doc: Node.fromJSON(editorSchema, doc) });
    const block = problemBlock(state.doc, problem!);
    expect(block?.node.type.name).toBe("blockquote");
    expect(restoreSource(state, block!, problem!)).toBeNull();
  });
});
