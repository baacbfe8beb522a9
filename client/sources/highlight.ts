import type { Snippet } from "../../server/schema/article.ts";

/**
 * A run of paragraph text and every snippet covering all of it, outermost first: earlier
 * start first, then longer first, then in the order given (so a quote inside a fact comes
 * after the fact).
 */
export interface Segment {
  text: string;
  snippets: Snippet[];
}

/** Paragraph text as the reader draws it: plain text, or a snippet's highlight around more. */
export type HighlightNode = string | { snippet: Snippet; children: HighlightNode[] };

/**
 * Splits a paragraph at every snippet boundary so the reader can highlight where each snippet
 * came from, including snippets nested in or overlapping others. Ranges are clamped to the
 * text; empty ones are ignored. Sorts once; each boundary costs the snippets open across it.
 */
export function segmentParagraph(text: string, snippets: readonly Snippet[]): Segment[] {
  const ranges = snippets
    .map((s) => ({ s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const cuts = [0, text.length, ...ranges.flatMap((r) => [r.start, r.end])];
  const boundaries = [...new Set(cuts)].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let open: typeof ranges = [];
  let next = 0;
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const from = boundaries[i]!;
    // Ranges opening here sort after every open one, so appending keeps `open` outermost first.
    open = open.filter((r) => r.end > from);
    while (next < ranges.length && ranges[next]!.start === from) open.push(ranges[next++]!);
    segments.push({ text: text.slice(from, boundaries[i + 1]), snippets: open.map((r) => r.s) });
  }
  if (segments.length === 0) segments.push({ text, snippets: [] });
  return segments;
}

/**
 * Turns segments into highlights nested the way their snippets are: a snippet inside another
 * gets one highlight inside the other's. A snippet crossing the end of an earlier one is cut
 * there, so it gets one highlight per piece.
 */
export function nestSegments(segments: readonly Segment[], depth = 0): HighlightNode[] {
  const nodes: HighlightNode[] = [];
  for (let i = 0; i < segments.length; ) {
    const snippet = segments[i]!.snippets[depth];
    let j = i + 1;
    while (j < segments.length && segments[j]!.snippets[depth] === snippet) j++;
    const run = segments.slice(i, j);
    nodes.push(
      snippet
        ? { snippet, children: nestSegments(run, depth + 1) }
        : run.map((s) => s.text).join(""),
    );
    i = j;
  }
  return nodes;
}

/** Snippets of one article by paragraph index. */
export function snippetsByParagraph(snippets: readonly Snippet[]): Map<number, Snippet[]> {
  const map = new Map<number, Snippet[]>();
  for (const s of snippets) map.set(s.paragraph, [...(map.get(s.paragraph) ?? []), s]);
  return map;
}
