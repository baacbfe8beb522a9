/**
 * How many snippets a group shows before "Show more". One long article can yield tens of
 * thousands of snippets; rendering them all made every keystroke on the brief page take a
 * second, so the list shows a page at a time and search still looks through all of them.
 */
export const SNIPPET_PAGE = 50;

/** The first `limit` items, how many are left out, and how many "Show more" would add. */
export function pageOf<T>(items: readonly T[], limit: number) {
  const shown = items.slice(0, limit);
  const hidden = items.length - shown.length;
  return { shown, hidden, next: Math.min(SNIPPET_PAGE, hidden) };
}

/** A count as people read it: 17036 → "17,036". */
export const formatCount = (n: number) => n.toLocaleString("en-GB");
