import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleReader } from "../../client/sources/article-reader.tsx";
import {
  type HighlightNode,
  nestSegments,
  type Segment,
  segmentParagraph,
  snippetsByParagraph,
} from "../../client/sources/highlight.ts";
import { extractArticle } from "../../server/ingest/extract.ts";
import { readSeedArticles } from "../../server/ingest/seeds.ts";
import type { Article, Snippet } from "../../server/schema/article.ts";

const at = (id: string, start: number, end: number, paragraph = 0): Snippet => ({
  id,
  articleId: "a",
  kind: "fact",
  text: "",
  paragraph,
  start,
  end,
});

/** Each segment as its text and the ids of the snippets covering it, outermost first. */
const runs = (segments: Segment[]) => segments.map((s) => [s.text, s.snippets.map((x) => x.id)]);

/** Highlights as `[id, ...children]`, plain text as itself. */
const shape = (nodes: HighlightNode[]): unknown[] =>
  nodes.map((n) => (typeof n === "string" ? n : [n.snippet.id, ...shape(n.children)]));

/** The reader's markup with one snippet focused. */
const renderReader = (article: Article, focus: string) =>
  renderToStaticMarkup(createElement(ArticleReader, { article, focus, onBack: () => {} }));

/** Ids of the marks the reader draws as focused, in document order. */
const focusedIds = (html: string) =>
  [...html.matchAll(/<mark class="[^"]*\bhl-focus\b[^"]*" data-snippet-id="([^"]+)"/g)].map(
    (m) => m[1],
  );

describe("the reader's highlighting", () => {
  const text = "Kim met Putin in June. They signed a pact.";

  it("splits a paragraph into plain and highlighted runs that rebuild the text", () => {
    const segments = segmentParagraph(text, [at("b", 23, 42), at("a", 0, 13)]);
    expect(runs(segments)).toEqual([
      ["Kim met Putin", ["a"]],
      [" in June. ", []],
      ["They signed a pact.", ["b"]],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("gives a snippet nested in another its own run, inside the outer one", () => {
    const segments = segmentParagraph(text, [at("quote", 8, 13), at("fact", 0, 22)]);
    expect(runs(segments)).toEqual([
      ["Kim met ", ["fact"]],
      ["Putin", ["fact", "quote"]],
      [" in June.", ["fact"]],
      [" They signed a pact.", []],
    ]);
    expect(shape(nestSegments(segments))).toEqual([
      ["fact", "Kim met ", ["quote", "Putin"], " in June."],
      " They signed a pact.",
    ]);
  });

  it("splits partially overlapping ranges where they cross", () => {
    const segments = segmentParagraph(text, [at("b", 8, 22), at("a", 0, 13)]);
    expect(runs(segments)).toEqual([
      ["Kim met ", ["a"]],
      ["Putin", ["a", "b"]],
      [" in June.", ["b"]],
      [" They signed a pact.", []],
    ]);
    expect(shape(nestSegments(segments))).toEqual([
      ["a", "Kim met ", ["b", "Putin"]],
      ["b", " in June."],
      " They signed a pact.",
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("nests identical ranges in the order given", () => {
    const segments = segmentParagraph(text, [at("a", 0, 3), at("b", 0, 3)]);
    expect(runs(segments)).toEqual([
      ["Kim", ["a", "b"]],
      [" met Putin in June. They signed a pact.", []],
    ]);
    expect(shape(nestSegments(segments))[0]).toEqual(["a", ["b", "Kim"]]);
  });

  it("clamps ranges to the text and ignores empty or outside ones", () => {
    const snippets = [at("a", 0, 3), at("c", 40, 99), at("empty", 5, 5), at("out", 50, 60)];
    const segments = segmentParagraph(text, [...snippets, at("backwards", 9, 4)]);
    expect(runs(segments)).toEqual([
      ["Kim", ["a"]],
      [" met Putin in June. They signed a pac", []],
      ["t.", ["c"]],
    ]);
  });

  it("rebuilds the text from its runs however the ranges overlap", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const snippets = Array.from({ length: random(8) }, (_, k) => {
        const start = random(text.length + 4) - 2;
        return at(`s${k}`, start, start + random(20) - 2);
      });
      const segments = segmentParagraph(text, snippets);
      expect(segments.map((s) => s.text).join("")).toBe(text);
      const flat = (nodes: HighlightNode[]): string =>
        nodes.map((n) => (typeof n === "string" ? n : flat(n.children))).join("");
      expect(flat(nestSegments(segments))).toBe(text);
    }
  });

  it("returns the whole paragraph as one plain run when nothing was taken from it", () => {
    expect(segmentParagraph(text, [])).toEqual([{ text, snippets: [] }]);
    expect(segmentParagraph("", [at("a", 0, 3)])).toEqual([{ text: "", snippets: [] }]);
  });

  it("indexes snippets by paragraph", () => {
    const map = snippetsByParagraph([at("a", 0, 1, 0), at("b", 0, 1, 2), at("c", 2, 3, 2)]);
    expect(map.get(2)?.map((s) => s.id)).toEqual(["b", "c"]);
    expect(map.has(1)).toBe(false);
  });
});

describe("the reader's focus", () => {
  const [seed] = readSeedArticles("seeds");
  const article = extractArticle(seed!.input, { id: seed!.id });

  it("marks a quote inside a fact as the focused highlight, within the fact's", () => {
    const solid = article.snippets.find((s) => s.kind === "quote" && s.text === "solid")!;
    const fact = article.snippets.find(
      (s) => s.kind === "fact" && s.paragraph === solid.paragraph,
    )!;
    const html = renderReader(article, solid.id);
    expect(focusedIds(html)).toEqual([solid.id]);
    expect(html).toContain(
      `data-snippet-id="${fact.id}" title="fact">The fact that North Korean soldiers will fight ` +
        `alongside Russia in Ukraine proves how &quot;<mark class="hl hl-quote hl-focus" ` +
        `data-snippet-id="${solid.id}" title="quote — Hong Min">solid</mark>`,
    );
  });

  it("can focus every snippet of the sample article, each as one highlight", () => {
    for (const snippet of article.snippets) {
      const html = renderReader(article, snippet.id);
      expect(focusedIds(html), snippet.text).toEqual([snippet.id]);
      expect(html.split(`data-snippet-id="${snippet.id}"`)).toHaveLength(2);
    }
  });
});
