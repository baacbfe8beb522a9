import { describe, expect, it } from "vitest";
import { checkBriefBody } from "../../server/check/check-body.ts";
import { checkBrief } from "../../server/check/check-brief.ts";
import {
  builtInTemplates,
  draftedSample,
  pathOf,
  sampleArticle,
  sampleArticles,
} from "./fixtures/drafted-sample.ts";

const articles = {
  get: async (id: string) => (id === sampleArticle().id ? sampleArticle() : null),
};

describe("a brief drafted from the sample article", () => {
  it("has no problems and every factual sentence cited, whichever built-in template drafts it", async () => {
    const templates = await builtInTemplates();
    expect(templates.size).toBeGreaterThan(0);
    for (const [id, template] of templates) {
      const result = await checkBriefBody(await draftedSample(id), { articles, template });
      expect(result.problems, id).toEqual([]);
      expect(result.coverage.brief.factual, id).toBeGreaterThan(0);
      expect(result.coverage.brief.ratio, id).toBe(1);
    }
  });

  it("has no problems even when the template's guidance is not known to the check", async () => {
    const result = checkBrief(await draftedSample("policy-brief"), sampleArticles());
    expect(result.problems).toEqual([]);
  });

  it("has quotes and citations for the check to look at", async () => {
    const doc = await draftedSample("intelligence-assessment");
    const quote = pathOf(doc, (n) => n.type === "blockquote" && !!n.attrs?.snippetId);
    const cited = pathOf(doc, (n) => !!n.marks?.some((m) => m.type === "citation"));
    expect(quote).not.toBeNull();
    expect(cited).not.toBeNull();
  });
});
