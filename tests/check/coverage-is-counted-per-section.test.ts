import { describe, expect, it } from "vitest";
import { checkBrief } from "../../server/check/check-brief.ts";
import type { PMNode } from "../../server/schema/brief.ts";
import {
  heading,
  paragraph,
  sampleArticles,
  snippetQuote,
  snippetStarting,
} from "./fixtures/drafted-sample.ts";

const UNCITED_FACT = "About 1,500 soldiers arrived in Vladivostok in October, officials said.";
const NOT_A_FACT = "this matters more than it seems and deserves close attention.";

function brief(): PMNode {
  const armistice = snippetStarting("North and South Korea remain");
  const nukes = snippetStarting("But while Kim has built up");
  const hong = snippetStarting("This establishes a framework");
  return {
    type: "doc",
    content: [
      paragraph(UNCITED_FACT),
      heading("Situation"),
      paragraph([armistice.text, armistice]),
      paragraph(NOT_A_FACT),
      heading("Detail", 3),
      paragraph(UNCITED_FACT),
      heading("Voices", 2),
      snippetQuote(hong, hong.text),
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [paragraph([nukes.text, nukes], ` ${UNCITED_FACT}`)] },
        ],
      },
      heading("Outlook"),
      paragraph(NOT_A_FACT),
    ],
  };
}

describe("source coverage", () => {
  it("counts factual sentences and cited ones per level-1/2 section and for the whole brief", () => {
    const { coverage, problems } = checkBrief(brief(), sampleArticles());
    expect(problems).toEqual([]);
    expect(coverage.sections).toEqual([
      { heading: "", path: [], factual: 1, cited: 0, ratio: 0 },
      { heading: "Situation", path: [1], factual: 2, cited: 1, ratio: 0.5 },
      { heading: "Voices", path: [6], factual: 3, cited: 2, ratio: 2 / 3 },
      { heading: "Outlook", path: [9], factual: 0, cited: 0, ratio: 1 },
    ]);
    expect(coverage.brief).toEqual({ factual: 6, cited: 3, ratio: 0.5 });
  });

  it("leaves template guidance out when told which paragraphs it is", () => {
    const { coverage } = checkBrief(brief(), sampleArticles(), { placeholders: [UNCITED_FACT] });
    expect(coverage.sections.map((s) => s.heading)).toEqual(["Situation", "Voices", "Outlook"]);
    expect(coverage.brief).toEqual({ factual: 4, cited: 3, ratio: 0.75 });
  });

  it("leaves out a Sources section that lists sources, but not one with facts written in it", () => {
    const listing: PMNode = {
      type: "doc",
      content: [
        heading("Findings"),
        paragraph(UNCITED_FACT),
        heading("Sources"),
        paragraph("AFP."),
      ],
    };
    expect(checkBrief(listing, sampleArticles()).coverage.sections.map((s) => s.heading)).toEqual([
      "Findings",
    ]);
    listing.content!.push(paragraph(UNCITED_FACT));
    expect(checkBrief(listing, sampleArticles()).coverage.sections.map((s) => s.heading)).toEqual([
      "Findings",
      "Sources",
    ]);
  });
});
