import type { Snippet } from "../../server/schema/article.ts";

/** A run of paragraph text, marked with the snippet it belongs to if any. */
export interface Segment {
  text: string;
  snippet: Snippet | null;
}

/**
 * Splits a paragraph into plain runs and snippet runs so the reader can highlight where each
 * snippet came from. Ranges are clamped to the text; a range overlapping an earlier one is
 * left unhighlighted rather than drawn twice.
 */
export function segmentParagraph(text: string, snippets: readonly Snippet[]): Segment[] {
  const ranges = snippets
    .map((s) => ({ s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at) continue;
    if (r.start > at) segments.push({ text: text.slice(at, r.start), snippet: null });
    segments.push({ text: text.slice(r.start, r.end), snippet: r.s });
    at = r.end;
  }
  if (at < text.length || segments.length === 0)
    segments.push({ text: text.slice(at), snippet: null });
  return segments;
}

/** Snippets of one article by paragraph index. */
export function snippetsByParagraph(snippets: readonly Snippet[]): Map<number, Snippet[]> {
  const map = new Map<number, Snippet[]>();
  for (const s of snippets) map.set(s.paragraph, [...(map.get(s.paragraph) ?? []), s]);
  return map;
}
