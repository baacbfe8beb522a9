import type { Snippet, SnippetKind } from "../../server/schema/article.ts";

/** What the person narrowed the snippet list to; empty means "everything". */
export interface SnippetFilter {
  query: string;
  speaker: string;
  kinds: SnippetKind[];
}

export const NO_FILTER: SnippetFilter = { query: "", speaker: "", kinds: [] };

export const KIND_ORDER: readonly SnippetKind[] = ["quote", "fact", "heading"];
export const KIND_LABEL: Record<SnippetKind, string> = {
  quote: "Quotes",
  fact: "Facts",
  heading: "Headings",
};

/** Lower-cased, accents stripped, whitespace collapsed: "Émile  Zola" → "emile zola". */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** True when any filter is set. */
export const isFiltering = (f: SnippetFilter) =>
  Boolean(f.query.trim() || f.speaker || f.kinds.length);

/** The snippets that pass every filter; the query must match each of its words somewhere. */
export function filterSnippets(snippets: readonly Snippet[], filter: SnippetFilter): Snippet[] {
  const words = fold(filter.query).split(" ").filter(Boolean);
  return snippets.filter((s) => {
    if (filter.kinds.length && !filter.kinds.includes(s.kind)) return false;
    if (filter.speaker && s.speaker !== filter.speaker) return false;
    if (!words.length) return true;
    const haystack = fold(`${s.text} ${s.speaker ?? ""} ${s.speakerRole ?? ""}`);
    return words.every((w) => haystack.includes(w));
  });
}

/** Snippets grouped by kind, quotes first; empty groups left out. */
export function groupByKind(snippets: readonly Snippet[]) {
  return KIND_ORDER.map((kind) => ({
    kind,
    label: KIND_LABEL[kind],
    snippets: snippets.filter((s) => s.kind === kind),
  })).filter((g) => g.snippets.length > 0);
}

/** Speakers quoted, the most quoted first. */
export function speakersOf(snippets: readonly Snippet[]): string[] {
  const counts = new Map<string, number>();
  for (const s of snippets) if (s.speaker) counts.set(s.speaker, (counts.get(s.speaker) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** How many snippets of each kind there are. */
export function countByKind(snippets: readonly Snippet[]): Record<SnippetKind, number> {
  const counts: Record<SnippetKind, number> = { quote: 0, fact: 0, heading: 0 };
  for (const s of snippets) counts[s.kind] += 1;
  return counts;
}
