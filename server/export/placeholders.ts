import type { Bundle } from "../schema/bundle.ts";
import type { Template } from "../schema/template.ts";
import { formatDate } from "./source-text.ts";

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
/** A separator between the parts of a header or footer line, or one left at either end. */
const SEPARATOR = /\s+[·|]\s+|\s+[·|]$|^[·|]\s+/;

/**
 * The brief's field values as printed (dates written out) with the template's defaults filled
 * in, plus `title`. A "today"
 * default is left empty: the brief fixes its date when it is created, and export must not
 * depend on the clock.
 */
export function fieldValues(bundle: Bundle, template: Template): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of template.fields) {
    const given = bundle.fields[field.key];
    const fallback = field.default === "today" ? "" : (field.default ?? "");
    const value = given !== undefined && given !== "" ? given : fallback;
    values[field.key] = field.type === "date" && value ? formatDate(value) : value;
  }
  for (const [key, value] of Object.entries(bundle.fields)) values[key] ??= value;
  values.title = bundle.title;
  return values;
}

/** Replaces every `{{field}}` with its value; a field without a value becomes empty. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_, key: string) => values[key] ?? "");
}

/**
 * Fills a one-line header or footer. The template line is cut at its separators ("·" or "|"
 * with space around them) before any value goes in, so a value is never read as a separator:
 * a title "draft | v2" stays whole. Each part is then filled, and a part is dropped when it has
 * placeholders and every one of them is empty, since what is left is a label with nothing to
 * label ("Decision memo for", "Period covered:"). A part with no placeholders, or with at least
 * one value, is kept. The kept parts are joined with " · ", so "{{a}} · {{b}}" with no `b`
 * reads "A", not "A · ".
 */
export function fillLine(text: string, values: Record<string, string>): string {
  return text
    .split(SEPARATOR)
    .filter((part) => !onlyEmptyPlaceholders(part, values))
    .map((part) => fillPlaceholders(part, values).replace(/\s+/g, " ").trim())
    .filter((part) => part !== "")
    .join(" · ");
}

function onlyEmptyPlaceholders(part: string, values: Record<string, string>): boolean {
  const keys = [...part.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
  return keys.length > 0 && keys.every((key) => (values[key] ?? "").trim() === "");
}
