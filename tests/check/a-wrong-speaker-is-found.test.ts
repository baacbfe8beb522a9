import { describe, expect, it } from "vitest";
import { checkBrief } from "../../server/check/check-brief.ts";
import {
  draftedSample,
  insertAfter,
  nodeAt,
  paragraph,
  quotePath,
  sampleArticles,
  snippetStarting,
} from "./fixtures/drafted-sample.ts";

const HONG = "This establishes a framework";

describe("a wrong speaker", () => {
  it("in a blockquote's speaker attribute is found, with the snippet's speaker and role", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const path = quotePath(doc, snippet);
    nodeAt(doc, path).attrs!.speaker = "Vladimir Putin";

    expect(checkBrief(doc, sampleArticles()).problems).toEqual([
      {
        kind: "wrong_speaker",
        path,
        snippetId: snippet.id,
        articleId: snippet.articleId,
        expected: "Hong Min",
        expectedRole: snippet.speakerRole,
        found: "Vladimir Putin",
      },
    ]);
  });

  it("in an attribution line after the blockquote is found", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const path = quotePath(doc, snippet);
    insertAfter(doc, path[0]!, paragraph("— Lee Sang-min, researcher at KIDA"));

    expect(checkBrief(doc, sampleArticles()).problems).toEqual([
      expect.objectContaining({
        kind: "wrong_speaker",
        path,
        expected: "Hong Min",
        found: "Lee Sang-min",
      }),
    ]);
  });

  it("in an attribution line typed as the blockquote's last line is found", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(HONG);
    const path = quotePath(doc, snippet);
    nodeAt(doc, path).content!.push(paragraph("— Lee Sang-min, researcher at KIDA"));

    expect(checkBrief(doc, sampleArticles()).problems).toEqual([
      expect.objectContaining({
        kind: "wrong_speaker",
        path,
        expected: "Hong Min",
        found: "Lee Sang-min",
      }),
    ]);
  });

  it("is not found when the attribution shortens the name or adds a title", async () => {
    const doc = await draftedSample();
    const path = quotePath(doc, snippetStarting(HONG));
    insertAfter(doc, path[0]!, paragraph("— Mr Hong, senior analyst"));
    expect(checkBrief(doc, sampleArticles()).problems).toEqual([]);
  });

  it("after a cited inline quotation is found", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting("Russia's main bottleneck");
    insertAfter(doc, 0, paragraph([`“${snippet.text}”`, snippet], " — Kim Jong Un, leader"));

    expect(checkBrief(doc, sampleArticles()).problems).toEqual([
      expect.objectContaining({
        kind: "wrong_speaker",
        path: [1],
        snippetId: snippet.id,
        expected: "Vladimir Tikhonov",
        found: "Kim Jong Un",
      }),
    ]);
  });
});
