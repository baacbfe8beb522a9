import { describe, expect, it } from "vitest";
import { checkBrief } from "../../server/check/check-brief.ts";
import {
  draftedSample,
  insertAfter,
  paragraph,
  quotePath,
  sampleArticles,
  setQuoteText,
  snippetStarting,
} from "./fixtures/drafted-sample.ts";

const HONG = "This establishes a framework";

describe("altered wording", () => {
  it("is found in a snippet blockquote, with the words replaced and their replacement", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const path = quotePath(doc, snippet);
    const found = snippet.text.replace("will automatically occur", "will certainly occur");
    setQuoteText(doc, path, found);

    expect(checkBrief(doc, sampleArticles()).problems).toEqual([
      {
        kind: "altered",
        path,
        snippetId: snippet.id,
        articleId: snippet.articleId,
        expected: snippet.text,
        found,
        removed: ["automatically"],
        added: ["certainly"],
      },
    ]);
  });

  it("is found when words are dropped with no ellipsis to say so", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    setQuoteText(doc, quotePath(doc, snippet), snippet.text.replace(" or faces a crisis", ""));

    const [problem, ...rest] = checkBrief(doc, sampleArticles()).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ kind: "altered", removed: ["or faces a crisis"] });
  });

  it("is not found for typography: quote marks, dashes, spacing and the first capital", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting("One way to attract global attention");
    const typeset = `“${snippet.text.replace("Russia's", "Russia’s").replace(/ /g, "  ")}.”`;
    setQuoteText(doc, quotePath(doc, snippet), typeset.replace("One way", "one way"));

    expect(checkBrief(doc, sampleArticles()).problems).toEqual([]);
  });

  it("is found in a cited inline quotation", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting("Russia's main bottleneck");
    const found = snippet.text.replace("great unexplored", "huge untapped");
    insertAfter(doc, 0, paragraph("As one expert put it, ", [`“${found}”`, snippet], "."));

    const problems = checkBrief(doc, sampleArticles()).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        kind: "altered",
        path: [1],
        snippetId: snippet.id,
        removed: ["great unexplored"],
        added: ["huge untapped"],
      }),
    ]);
  });

  it("is found in a quotation inside a cited fact, against the source's quotation", async () => {
    const doc = await draftedSample();
    const fact = snippetStarting("And the boost of troops");
    const found = fact.text.replace("occupied territories", "conquered territories");
    insertAfter(doc, 0, paragraph([found, fact]));

    const problems = checkBrief(doc, sampleArticles()).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        kind: "altered",
        path: [1],
        snippetId: fact.id,
        expected: "occupied territories or aid in further territorial gains",
        removed: ["occupied"],
        added: ["conquered"],
      }),
    ]);
  });
});
