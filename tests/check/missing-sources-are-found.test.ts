import { describe, expect, it } from "vitest";
import { checkBrief } from "../../server/check/check-brief.ts";
import {
  ARTICLE_ID,
  draftedSample,
  quotePath,
  sampleArticle,
  snippetStarting,
} from "./fixtures/drafted-sample.ts";

describe("a missing source", () => {
  it("is found for each quote and citation whose article is gone", async () => {
    const doc = await draftedSample();
    const problems = checkBrief(doc, new Map()).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems)
      expect(p).toMatchObject({ kind: "missing_source", articleId: ARTICLE_ID });
  });

  it("is found for a quote whose snippet is no longer in its article", async () => {
    const doc = await draftedSample();
    const gone = snippetStarting("This establishes a framework");
    const article = {
      ...sampleArticle(),
      snippets: sampleArticle().snippets.filter((s) => s !== gone),
    };

    expect(checkBrief(doc, new Map([[ARTICLE_ID, article]])).problems).toEqual([
      {
        kind: "missing_source",
        path: quotePath(doc, gone),
        snippetId: gone.id,
        articleId: ARTICLE_ID,
      },
    ]);
  });
});

describe("text cited by its article alone (pasted from the reader)", () => {
  const pasted = (text: string) => ({
    type: "paragraph",
    content: [
      { type: "text", text, marks: [{ type: "citation", attrs: { articleId: ARTICLE_ID } }] },
    ],
  });
  const paragraph = sampleArticle().paragraphs.find((p) => p.includes("establishes a framework"))!;

  it("is fine while the article exists, and missing once it is gone", async () => {
    const doc = await draftedSample();
    doc.content!.push(pasted(paragraph));
    const articles = new Map([[ARTICLE_ID, sampleArticle()]]);
    expect(checkBrief(doc, articles).problems).toEqual([]);
    const without = checkBrief(doc, new Map()).problems;
    expect(without.at(-1)).toEqual({
      kind: "missing_source",
      path: [doc.content!.length - 1],
      articleId: ARTICLE_ID,
    });
  });

  it("still has a quotation inside it checked against the article's words", async () => {
    const doc = await draftedSample();
    const quote = snippetStarting("This establishes a framework");
    const altered = paragraph.replace("automatically", "certainly");
    expect(altered).not.toBe(paragraph);
    doc.content!.push(pasted(altered));
    const [problem, ...rest] = checkBrief(doc, new Map([[ARTICLE_ID, sampleArticle()]])).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      kind: "altered",
      path: [doc.content!.length - 1],
      expected: quote.text,
      removed: ["automatically"],
      added: ["certainly"],
    });
  });
});
