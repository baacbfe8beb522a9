import { describe, expect, it } from "vitest";
import { checkBrief } from "../../server/check/check-brief.ts";
import {
  draftedSample,
  insertAfter,
  paragraph,
  sampleArticles,
  snippetStarting,
} from "./fixtures/drafted-sample.ts";

describe("an unsourced quotation", () => {
  it("in a paragraph with no citation on it is found, with its words", async () => {
    const doc = await draftedSample();
    insertAfter(
      doc,
      0,
      paragraph('Officials called the deal "a turning point for the region" on Friday.'),
    );

    expect(checkBrief(doc, sampleArticles()).problems).toEqual([
      { kind: "unsourced_quote", path: [1], found: "a turning point for the region" },
    ]);
  });

  it("is found beside a citation that does not cover it", async () => {
    const doc = await draftedSample();
    const fact = snippetStarting("North and South Korea remain");
    insertAfter(doc, 0, paragraph([fact.text, fact], " Analysts call it “a frozen conflict”."));

    expect(checkBrief(doc, sampleArticles()).problems).toEqual([
      { kind: "unsourced_quote", path: [1], found: "a frozen conflict" },
    ]);
  });

  it("in a blockquote that came from no snippet is found", async () => {
    const doc = await draftedSample();
    insertAfter(doc, 0, { type: "blockquote", content: [paragraph("“We will not back down.”")] });

    expect(checkBrief(doc, sampleArticles()).problems).toEqual([
      { kind: "unsourced_quote", path: [1, 0], found: "We will not back down." },
    ]);
  });

  it("is not a name or so-called term, and not a quotation a citation covers", async () => {
    const doc = await draftedSample();
    const quote = snippetStarting("Russia's main bottleneck");
    insertAfter(
      doc,
      0,
      paragraph('The so-called "nuclear umbrella" still holds.'),
      paragraph("An expert said ", [`“${quote.text}”`, quote], "."),
    );
    expect(checkBrief(doc, sampleArticles()).problems).toEqual([]);
  });
});
