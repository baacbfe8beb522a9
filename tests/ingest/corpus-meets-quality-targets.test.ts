import { describe, expect, it } from "vitest";
import { scoreCorpus } from "./corpus-score.ts";

const score = scoreCorpus();

describe("the labelled corpus", () => {
  it("has the sample and at least twelve more articles", () => {
    expect(score.articles).toBeGreaterThanOrEqual(13);
  });

  it("finds quotations with F1 of at least 0.95", () => {
    expect(score.quotes.f1).toBeGreaterThanOrEqual(0.95);
  });

  it("names the right speaker for at least 90% of the quotations found", () => {
    expect(score.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("classifies at least 95% of lines right as body or boilerplate", () => {
    expect(score.boilerplateAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
