import type { BundleSource } from "../schema/bundle.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * "2024-03-05…" → "5 March 2024"; anything else is kept as written. Done by hand rather than
 * with `Intl` so output does not depend on the machine's locale or time zone.
 */
export function formatDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!m) return value.trim();
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : value.trim();
}

const join = (parts: (string | undefined)[]) =>
  parts.filter((p): p is string => !!p && p.trim() !== "").join(", ");

/** "Publisher, “Title”, 5 March 2024, https://…." — a source named in full. */
export function fullSourceText(source: BundleSource): string {
  const date = source.publishedAt ? formatDate(source.publishedAt) : undefined;
  return `${join([source.publisher, `“${source.title}”`, date, source.url])}.`;
}

/** "Publisher, “Title”." — a source already named in full in an earlier note. */
export function shortSourceText(source: BundleSource): string {
  return `${join([source.publisher, `“${source.title}”`])}.`;
}

/** The entry of the Sources list: everything known, the author included. */
export function sourceEntryText(source: BundleSource): string {
  const date = source.publishedAt ? formatDate(source.publishedAt) : undefined;
  return `${join([source.author, `“${source.title}”`, source.publisher, date])}.`;
}
