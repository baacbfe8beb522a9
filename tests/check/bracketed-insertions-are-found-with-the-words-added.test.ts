import { describe, expect, it } from "vitest";
import { checkBrief } from "../../server/check/check-brief.ts";
import {
  draftedSample,
  quotePath,
  sampleArticles,
  setQuoteText,
  snippetStarting,
} from "./fixtures/drafted-sample.ts";

const SNIPPET = "Russia's main bottleneck";

async function quoteAs(edit: (text: string) => string) {
  const doc = await draftedSample();
  const snippet = snippetStarting(SNIPPET);
  const path = quotePath(doc, snippet);
  const found = edit(snippet.text);
  setQuoteText(doc, path, found);
  return { problems: checkBrief(doc, sampleArticles()).problems, snippet, path, found };
}

describe("a bracketed insertion", () => {
  it("is found, naming the words added", async () => {
    const { problems, snippet, path, found } = await quoteAs((t) =>
      t.replace("and North Korea", "and North Korea [with its 1.2 million troops]"),
    );
    expect(problems).toEqual([
      {
        kind: "inserted",
        path,
        snippetId: snippet.id,
        articleId: snippet.articleId,
        expected: snippet.text,
        found,
        added: ["with its 1.2 million troops"],
      },
    ]);
  });

  it("in place of source words is found with the words it replaces", async () => {
    const { problems } = await quoteAs((t) => t.replace("Russia's main", "[Moscow's] main"));
    expect(problems).toEqual([
      expect.objectContaining({ kind: "inserted", added: ["Moscow's"], removed: ["Russia's"] }),
    ]);
  });

  it("that only changes a capital ([r]ussia's) is typography, not an insertion", async () => {
    const { problems } = await quoteAs((t) => t.replace("Russia's", "[r]ussia's"));
    expect(problems).toEqual([]);
  });
});
