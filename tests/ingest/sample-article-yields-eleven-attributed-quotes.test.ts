import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../server/ingest/extract.ts";

const text = readFileSync("seeds/north-korea-troops-russia.txt", "utf8");
const article = extractArticle({ text });
const quotes = article.snippets.filter((s) => s.kind === "quote");
const HONG = "senior analyst at the Korea Institute for National Unification";
const TIKHONOV = "professor of Korea studies at the University of Oslo";

describe("the sample article", () => {
  it("yields exactly eleven quotations with their speakers and roles", () => {
    expect(quotes.map((q) => [q.text, q.speaker, q.speakerRole])).toEqual([
      [
        "This establishes a framework where Russia's intervention or military support will automatically occur if North Korea is attacked or faces a crisis",
        "Hong Min",
        HONG,
      ],
      ["solid", "Hong Min", HONG],
      ["occupied territories or aid in further territorial gains", "Hong Min", HONG],
      ["resulting in a significant shift", "Hong Min", HONG],
      ["move over", "a North Korean soldier", undefined],
      ["inappropriate", "Seoul's spy agency", undefined],
      [
        "One way to attract global attention by doing something reprehensible is by sending troops to support the war in Ukraine, which could prolong the conflict or shift it in Russia's favor",
        "Lee Sang-min",
        "researcher at Korea Institute for Defense Analyses",
      ],
      [
        "Russia's main bottleneck is the shortage of both military and labor manpower, and North Korea has a great unexplored potential to alleviate both",
        "Vladimir Tikhonov",
        TIKHONOV,
      ],
      ["unreasonable idea of reunification.", "Kim Jong Un", undefined],
      [
        "It means that Pyongyang won't be motivated to seek improvements in relations with Japan, South Korea and the U.S.",
        "Vladimir Tikhonov",
        TIKHONOV,
      ],
      [
        "It means a constant state of tension on the Korean Peninsula.",
        "Vladimir Tikhonov",
        TIKHONOV,
      ],
    ]);
  });

  it("keeps the two subheadings in the body as heading snippets", () => {
    expect(article.snippets.filter((s) => s.kind === "heading").map((s) => s.text)).toEqual([
      "'Significant shift'",
      "War economy",
    ]);
  });

  it("returns the whole donation appeal as boilerplate and quotes none of it", () => {
    expect(article.boilerplate[0]).toBe("A Message from The Moscow Times:");
    expect(article.boilerplate.at(-1)).toBe("Remind me later.");
    expect(article.boilerplate).toHaveLength(10);
    expect(article.paragraphs.some((p) => p.includes("Dear readers"))).toBe(false);
    expect(quotes.some((q) => /undesirable|foreign agent|discredits/.test(q.text))).toBe(false);
  });

  it("lists people deduplicated to their full names", () => {
    expect(article.entities.people).toEqual([
      "Kim Jong Un",
      "Vladimir Putin",
      "Hong Min",
      "Lee Sang-min",
      "Vladimir Tikhonov",
    ]);
    expect(article.entities.orgs).toContain("Korea Institute for National Unification");
    expect(article.entities.places).toEqual(
      expect.arrayContaining(["Seoul", "Pyongyang", "Moscow", "Ukraine"]),
    );
  });
});
