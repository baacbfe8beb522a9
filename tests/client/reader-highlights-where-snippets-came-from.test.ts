import { describe, expect, it } from "vitest";
import { segmentParagraph, snippetsByParagraph } from "../../client/sources/highlight.ts";
import type { Snippet } from "../../server/schema/article.ts";

const at = (id: string, start: number, end: number, paragraph = 0): Snippet => ({
  id,
  articleId: "a",
  kind: "fact",
  text: "",
  paragraph,
  start,
  end,
});

describe("the reader's highlighting", () => {
  const text = "Kim met Putin in June. They signed a pact.";

  it("splits a paragraph into plain and highlighted runs that rebuild the text", () => {
    const segments = segmentParagraph(text, [at("b", 23, 42), at("a", 0, 13)]);
    expect(segments.map((s) => [s.text, s.snippet?.id ?? null])).toEqual([
      ["Kim met Putin", "a"],
      [" in June. ", null],
      ["They signed a pact.", "b"],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("skips a range overlapping an earlier one and clamps ranges to the text", () => {
    const segments = segmentParagraph(text, [at("a", 0, 13), at("b", 8, 20), at("c", 40, 99)]);
    expect(segments.map((s) => s.snippet?.id ?? null)).toEqual(["a", null, "c"]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("returns the whole paragraph as one plain run when nothing was taken from it", () => {
    expect(segmentParagraph(text, [])).toEqual([{ text, snippet: null }]);
    expect(segmentParagraph("", [])).toEqual([{ text: "", snippet: null }]);
  });

  it("indexes snippets by paragraph", () => {
    const map = snippetsByParagraph([at("a", 0, 1, 0), at("b", 0, 1, 2), at("c", 2, 3, 2)]);
    expect(map.get(2)?.map((s) => s.id)).toEqual(["b", "c"]);
    expect(map.has(1)).toBe(false);
  });
});
