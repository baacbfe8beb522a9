import { describe, expect, it } from "vitest";
import {
  countByKind,
  filterSnippets,
  fold,
  groupByKind,
  isFiltering,
  NO_FILTER,
  speakersOf,
} from "../../client/sources/filter-snippets.ts";
import type { Snippet } from "../../server/schema/article.ts";

let n = 0;
const snip = (
  kind: Snippet["kind"],
  text: string,
  speaker?: string,
  speakerRole?: string,
): Snippet => ({
  id: `s${++n}`,
  articleId: "a",
  kind,
  text,
  speaker,
  speakerRole,
  paragraph: 0,
  start: 0,
  end: text.length,
});

const snippets = [
  snip("fact", "Seoul's spy agency said 1,500 soldiers are in Russia."),
  snip("quote", "This establishes a framework", "Hong Min", "senior analyst"),
  snip("quote", "solid", "Hong Min"),
  snip("quote", "a dangerous escalation", "Émilie Durand", "spokeswoman"),
  snip("heading", "A new alliance"),
];

describe("snippet filters", () => {
  it("pass everything when nothing is set", () => {
    expect(filterSnippets(snippets, NO_FILTER)).toHaveLength(5);
    expect(isFiltering(NO_FILTER)).toBe(false);
  });

  it("match every word of the query in text, speaker or role, ignoring case and accents", () => {
    expect(
      filterSnippets(snippets, { ...NO_FILTER, query: "emilie escalation" }).map((s) => s.text),
    ).toEqual(["a dangerous escalation"]);
    expect(filterSnippets(snippets, { ...NO_FILTER, query: "ANALYST" })).toHaveLength(1);
    expect(
      filterSnippets(snippets, { ...NO_FILTER, query: "hong framework nothing" }),
    ).toHaveLength(0);
  });

  it("narrow by speaker and by kinds together", () => {
    const byHong = filterSnippets(snippets, { query: "", speaker: "Hong Min", kinds: ["quote"] });
    expect(byHong.map((s) => s.text)).toEqual(["This establishes a framework", "solid"]);
    expect(
      filterSnippets(snippets, { query: "", speaker: "", kinds: ["fact", "heading"] }),
    ).toHaveLength(2);
  });

  it("group by kind with quotes first and empty kinds left out", () => {
    const groups = groupByKind(
      filterSnippets(snippets, { ...NO_FILTER, kinds: ["quote", "heading"] }),
    );
    expect(groups.map((g) => [g.label, g.snippets.length])).toEqual([
      ["Quotes", 3],
      ["Headings", 1],
    ]);
  });

  it("list speakers most quoted first, and count kinds", () => {
    expect(speakersOf(snippets)).toEqual(["Hong Min", "Émilie Durand"]);
    expect(countByKind(snippets)).toEqual({ quote: 3, fact: 1, heading: 1 });
    expect(fold("  Émile   ZOLA ")).toBe("emile zola");
  });
});
