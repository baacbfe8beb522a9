const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const DAY = "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?";
const DATE = `(?:${DAY}${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|${DAY}\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}(?:T[\\d:.]+Z?)?|\\d{1,2}/\\d{1,2}/\\d{4})`;
const TIME =
  "(?:[\\s,]+(?:at\\s+)?\\d{1,2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[A-Z]{2,4}|GMT[+-]?\\d*|UTC[+-]?\\d*)?)?";
const DATE_LINE = new RegExp(
  `^(?:(?:published|updated|posted|first published|last updated|last modified|date|created)\\s*:?\\s*(?:on\\s+)?)?(?:\\d{1,2}[:.]\\d{2}\\s*(?:[AaPp]\\.?[Mm]\\.?)?\\s*(?:[A-Z]{2,4})?,?\\s+)?(${DATE})${TIME}\\.?$`,
  "i",
);
const BYLINE =
  /^(?:[Bb]y|[Ww]ritten by|[Ww]ords by|[Ss]tory by|[Rr]eported by|[Aa]uthor:?)\s+((?:[\p{Lu}][\p{L}.'’-]*)(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|and|&|de|van|von|al|bin|,\s*(?=[\p{Lu}][\p{L}.'’-]*\s+[\p{Lu}])))*?)(?:\s*(?:,|\||–|—|-|\bin\b)\s*(.*))?$/u;
const AGENCIES =
  "AP|AFP|Reuters|dpa|UPI|Xinhua|Yonhap|Bloomberg|IANS|PTI|ANI|EFE|ANSA|Kyodo|TASS|CNN|BBC";
const DATELINE = new RegExp(
  `^(?:(?:[A-Z][A-Z.'’-]+(?:\\s+[A-Z][A-Z.'’-]+)*)(?:,\\s*[A-Z][\\w.]+(?:\\s+[A-Z][\\w.]+)*)?(?:,\\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2})?\\s*(?:\\((?:${AGENCIES})\\))?|\\((?:${AGENCIES})\\))\\s*[—–-]{1,2}\\s+(?=[\\p{Lu}"“‘'0-9])`,
  "u",
);

/** What a line of page chrome tells about the article. */
export interface LineMeta {
  author?: string;
  publishedAt?: string;
}

function isoDate(text: string): string {
  const parsed = Date.parse(text.replace(/(\d)(st|nd|rd|th)\b/, "$1").replace(/\bat\b/i, ""));
  return Number.isNaN(parsed) ? text : new Date(parsed).toISOString();
}

function readPart(part: string): LineMeta | null {
  const date = DATE_LINE.exec(part);
  if (date) return { publishedAt: isoDate(date[1]!) };
  const byline = BYLINE.exec(part);
  if (byline && part.split(" ").length <= 14) {
    const rest = byline[2] ? readPart(byline[2]) : {};
    return { author: byline[1]!.replace(/\s*,\s*$/, ""), ...rest };
  }
  return null;
}

/** Reads a byline ("By Jane Doe, AFP") or date line ("Updated Oct. 18, 2024 5:43 p.m."), else null. */
export function readMetaLine(line: string): LineMeta | null {
  const parts = line.split(/\s+[|•·]\s+|\s+[—–]\s+(?=\d|[A-Z][a-z]{2})/);
  const read = parts.map((p) => readPart(p.trim()));
  const named = read.some((r) => r?.author);
  const tolerated = (r: LineMeta | null, i: number) =>
    r !== null || (named && /^(?:[\p{Lu}][\p{L}.'’-]*\s?){1,4}$/u.test(parts[i]!.trim()));
  if (!read.every(tolerated)) return null;
  return Object.assign({}, ...read.filter(Boolean).reverse());
}

/** Length of a dateline at the start of a paragraph ("SEOUL (Reuters) - "), or 0. */
export function datelineLength(paragraph: string): number {
  const match = DATELINE.exec(paragraph);
  if (!match) return 0;
  return /^[A-Z]{2}|^\(/.test(match[0]) ? match[0].length : 0;
}
