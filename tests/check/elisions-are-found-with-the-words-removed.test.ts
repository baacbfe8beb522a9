import { describe, expect, it } from "vitest";
import { checkBrief } from "../../server/check/check-brief.ts";
import {
  draftedSample,
  quotePath,
  sampleArticles,
  setQuoteText,
  snippetStarting,
} from "./fixtures/drafted-sample.ts";

const SNIPPET = "This establishes a framework";
const REMOVED = "where Russia's intervention or military support";

async function elide(mark: string) {
  const doc = await draftedSample();
  const snippet = snippetStarting(SNIPPET);
  const path = quotePath(doc, snippet);
  const found = snippet.text.replace(` ${REMOVED} `, ` ${mark} `);
  setQuoteText(doc, path, found);
  return { problems: checkBrief(doc, sampleArticles()).problems, snippet, path, found };
}

describe("an elision", () => {
  it("marked with an ellipsis is found, naming the words left out", async () => {
    const { problems, snippet, path, found } = await elide("…");
    expect(problems).toEqual([
      {
        kind: "elided",
        path,
        snippetId: snippet.id,
        articleId: snippet.articleId,
        expected: snippet.text,
        found,
        removed: [REMOVED],
      },
    ]);
  });

  it.each(["...", "[…]", "[...]", ". . ."])(
    "marked with %s is found the same way",
    async (mark) => {
      const { problems } = await elide(mark);
      expect(problems).toEqual([expect.objectContaining({ kind: "elided", removed: [REMOVED] })]);
    },
  );

  it("at the start, with a bracketed capital, is an elision and nothing else", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(SNIPPET);
    const found = `… [W]ill automatically occur if North Korea is attacked or faces a crisis`;
    setQuoteText(doc, quotePath(doc, snippet), found);

    const problems = checkBrief(doc, sampleArticles()).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        kind: "elided",
        removed: [`This establishes a framework ${REMOVED}`],
      }),
    ]);
  });

  it("that removes nothing (an ellipsis where the quotation stops anyway) is no problem", async () => {
    const doc = await draftedSample();
    const snippet = snippetStarting(SNIPPET);
    setQuoteText(doc, quotePath(doc, snippet), `${snippet.text} …`);
    expect(checkBrief(doc, sampleArticles()).problems).toEqual([]);
  });
});
