import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { filterSnippets, NO_FILTER } from "../../client/sources/filter-snippets.ts";
import { SnippetList } from "../../client/sources/snippet-list.tsx";
import { pageOf, SNIPPET_PAGE } from "../../client/sources/snippet-pages.ts";
import type { Snippet } from "../../server/schema/article.ts";

const snip = (i: number, kind: Snippet["kind"], text: string): Snippet => ({
  id: `s${i}`,
  articleId: "a",
  kind,
  text,
  paragraph: i,
  start: 0,
  end: text.length,
});

// One long article: 2,000 facts, the needle far past the first page, and a few quotes.
const facts = Array.from({ length: 2000 }, (_, i) =>
  snip(i, "fact", i === 1500 ? "The needle was found in paragraph 1500." : `Fact number ${i}.`),
);
const quotes = Array.from({ length: 3 }, (_, i) => snip(5000 + i, "quote", `Quote ${i}`));
const all = [...quotes, ...facts];

const render = (snippets: Snippet[]) =>
  renderToStaticMarkup(
    createElement(SnippetList, {
      snippets,
      titles: { a: "A long article" },
      showSource: true,
      canInsert: true,
      onInsert: () => {},
      onShow: () => {},
    }),
  );
const cards = (html: string) => html.match(/<li class="snippet /g)?.length ?? 0;

describe("the snippet list", () => {
  it("renders one page per group, with a button for the next page and the totals", () => {
    const html = render(all);
    expect(cards(html)).toBe(SNIPPET_PAGE + quotes.length);
    expect(html).toContain(
      '<button type="button" class="btn btn-small">Show 50 more facts</button>',
    );
    expect(html).toContain("50 of 2,000 shown");
    expect(html).toContain('<span class="count">2,000</span>');
    expect(html).toContain("2,003 snippets");
    expect(html).not.toContain("more quotes");
    expect(html).not.toContain('data-snippet-id="s1500"');
  });

  it("reveals the next page on each Show more, then only what is left", () => {
    const first = pageOf(facts, SNIPPET_PAGE);
    expect([first.shown.length, first.hidden, first.next]).toEqual([50, 1950, 50]);
    const second = pageOf(facts, SNIPPET_PAGE * 2);
    expect(second.shown.map((s) => s.id)).toEqual(facts.slice(0, 100).map((s) => s.id));
    expect(second.next).toBe(50);
    const last = pageOf(facts.slice(0, 120), SNIPPET_PAGE * 2);
    expect([last.shown.length, last.hidden, last.next]).toEqual([100, 20, 20]);
    expect(pageOf(facts.slice(0, 120), SNIPPET_PAGE * 3).hidden).toBe(0);
  });

  it("searches every snippet, not just the page on show, and says how many matched", () => {
    const found = filterSnippets(all, { ...NO_FILTER, query: "needle" });
    expect(found.map((s) => s.id)).toEqual(["s1500"]);
    const html = render(found);
    expect(html).toContain('data-snippet-id="s1500"');
    expect(html).toContain("1 snippet<");
    expect(html).not.toMatch(/Show \d/);
  });
});
