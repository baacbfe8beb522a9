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
