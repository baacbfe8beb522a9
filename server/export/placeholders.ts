import type { Bundle } from "../schema/bundle.ts";
import type { Template } from "../schema/template.ts";
import { formatDate } from "./source-text.ts";

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

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
 * Fills a one-line header or footer and drops the separators ("·", "|") that empty fields
 * leave dangling, so "{{a}} · {{b}}" with no `b` reads "A", not "A · ".
 */
export function fillLine(text: string, values: Record<string, string>): string {
  return fillPlaceholders(text, values)
    .split(/\s+[·|]\s+|\s+[·|]$|^[·|]\s+/)
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter((part) => part !== "")
    .join(" · ");
}
