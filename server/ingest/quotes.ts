/** A quotation inside a paragraph: where its marks are and where its words are. */
export interface QuoteSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or the paragraph length when the quote runs on. */
  close: number;
  /** Offsets of the quoted words: no marks, no attribution comma. */
  start: number;
  end: number;
  /** False when the paragraph ended inside the quote (it continues in the next one). */
  closed: boolean;
}

const OPENERS = new Set(["“", "«", "„"]);
const CLOSERS = new Set(["”", "»"]);
const STRAIGHT = '"';
const isSpace = (c: string | undefined) => c === undefined || /[\s([{\u2014\u2013/-]/.test(c);

function trimmed(text: string, open: number, close: number, closed: boolean): QuoteSpan | null {
  let start = open + 1;
  let end = close;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  if (end <= start || !/[\p{L}\p{N}]/u.test(text.slice(start, end))) return null;
  return { open, close, start, end, closed };
}

function doubleQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  const finish = (close: number, closed: boolean) => {
    const span = trimmed(text, open, close, closed);
    if (span) spans.push(span);
    open = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const before = text[i - 1];
    const after = text[i + 1];
    const opensHere = isSpace(before) && after !== undefined && !/\s/.test(after);
    if (OPENERS.has(c) || (c === STRAIGHT && open < 0) || (CLOSERS.has(c) && open < 0)) {
      if (open >= 0) finish(i, false);
      const straightOpens = c === STRAIGHT && after !== undefined && /[^\s,.;:!?)]/.test(after);
      if (OPENERS.has(c) || opensHere || straightOpens) open = i;
    } else if (CLOSERS.has(c) || c === STRAIGHT) {
      const lastMark = text.slice(0, i).trimEnd().at(-1) ?? "";
      if (
        c === STRAIGHT &&
        opensHere &&
        !/[\p{L}\p{N}.,!?]/u.test(before ?? " ") &&
        !/[.,!?]/.test(lastMark)
      ) {
        finish(i, false);
        open = i;
      } else finish(i, true);
    }
  }
  if (open >= 0) finish(text.length, false);
  return spans;
}

/** British-style ‘single’ quotations, only read when a paragraph has no double marks. */
function singleQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "‘" && c !== "’" && c !== "'") continue;
    const before = text[i - 1];
    const after = text[i + 1];
    const wordInside = /\p{L}/u.test(before ?? " ") && /\p{L}/u.test(after ?? " ");
    if (wordInside) continue;
    if (
      open < 0 &&
      (c === "‘" || c === "'") &&
      isSpace(before) &&
      /[\p{L}\p{N}]/u.test(after ?? " ")
    ) {
      open = i;
    } else if (open >= 0 && c !== "‘" && !/\s/.test(before ?? " ")) {
      const span = trimmed(text, open, i, true);
      if (span) spans.push(span);
      open = -1;
    }
  }
  return spans;
}

/**
 * Every quotation in a paragraph, in order. Curly, straight and angle marks; nested single
 * quotes stay part of the outer quotation; an unbalanced mark never throws: an unclosed quote
 * runs to the end of the paragraph, which is also how a quote continued in the next paragraph
 * is written.
 */
export function findQuotes(paragraph: string): QuoteSpan[] {
  if (/["“”«»„]/.test(paragraph)) return doubleQuotes(paragraph);
  return singleQuotes(paragraph);
}

/** Every mark becomes a straight '"', the words between become U+E000: nothing quoted is parsed. */
export const MASK = "\uE000";

/**
 * The paragraph with every quotation's words replaced by MASK (same length, so offsets hold).
 * Closing punctuation inside the marks is kept so sentence splitting still sees ".”".
 */
export function maskQuotes(paragraph: string, spans: QuoteSpan[]): string {
  let out = "";
  let at = 0;
  for (const span of spans) {
    const body = paragraph.slice(span.open + 1, span.close);
    const keep = /[.!?]+\s*$/.exec(body)?.[0] ?? "";
    out += `${paragraph.slice(at, span.open)}"`;
    out += MASK.repeat(body.length - keep.length) + keep;
    if (span.close < paragraph.length) out += '"';
    at = Math.min(span.close + 1, paragraph.length);
  }
  return out + paragraph.slice(at);
}

const NOT_A_QUOTATION =
  /\b(?:so-called|dubbed|known as|titled|entitled|nicknamed|code-?named|the (?:words?|term|phrase|slogan|hashtag|book|film|movie|song|album|report|documentary|show|series|programme|program|campaign|headline|motto)|operation|hashtag|headlined|labell?ed as)\s*$/i;

/** True when the quoted words are a name, title or so-called term rather than speech. */
export function isMentionNotSpeech(paragraph: string, span: QuoteSpan): boolean {
  return NOT_A_QUOTATION.test(paragraph.slice(Math.max(0, span.open - 40), span.open));
}
