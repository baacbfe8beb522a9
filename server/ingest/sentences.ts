import { memoByText } from "./memo.ts";

/** A sentence as offsets into the text it came from. */
export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Abbreviations after which ICU wrongly ends a sentence when a capital follows. */
const TITLES =
  /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Adm|Cmdr|Sen|Rep|Gov|Rev|Hon|St|Mt|Ft|No|Nos|Vol|Art|Sec|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Inc|Corp|Co|Ltd|Jr|Sr|vs|etc|approx|Ave|Blvd|Rd|[A-Z])\.\s*$/;
const ACRONYM = /(?:^|\s)(?:[A-Z]\.){2,}\s*$/;
const CLOCK = /\b[ap]\.m\.\s*$/;
const LOWER = /^[\s"“]*[a-z]/;
const DAY_OR_MONTH =
  /^[\s"“]*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;

function shouldJoin(previous: string, next: string): boolean {
  if (LOWER.test(next)) return true;
  if (TITLES.test(previous)) return !/\b(?:Inc|Corp|Co|Ltd|Jr|Sr|etc)\.\s*$/.test(previous);
  if (ACRONYM.test(previous)) return /^[\s"“]*[A-Z][a-z]+\s+(?:[A-Z]|of\b)/.test(next);
  return CLOCK.test(previous) && DAY_OR_MONTH.test(next);
}

/**
 * Sentence spans of a text, from Intl.Segmenter (ICU's sentence rules, built into Node)
 * corrected for titles and acronyms ("Mr.", "U.S. Department") after which ICU splits.
 */
export const splitSentences: (text: string) => readonly Span[] = memoByText(segment);

function segment(text: string): Span[] {
  const spans: Span[] = [];
  for (const part of segmenter.segment(text)) {
    const start = part.index;
    const end = start + part.segment.length;
    const last = spans.at(-1);
    if (last && shouldJoin(text.slice(last.start, last.end), part.segment)) last.end = end;
    else spans.push({ start, end });
  }
  for (const span of spans) {
    while (span.end > span.start && /\s/.test(text[span.end - 1] ?? "")) span.end--;
  }
  return spans.filter((s) => s.end > s.start);
}

/** Sentence spans that never end inside one of the given quotations. */
export function splitSentencesOutside(
  text: string,
  quotes: readonly { open: number; close: number }[],
): Span[] {
  const merged: Span[] = [];
  for (const span of splitSentences(text)) {
    const last = merged.at(-1);
    if (last && quotes.some((q) => q.open < last.end && last.end < q.close)) last.end = span.end;
    else merged.push({ ...span });
  }
  return merged;
}
