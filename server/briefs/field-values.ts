import { badRequest } from "../errors.ts";
import type { FieldValues } from "../schema/brief.ts";
import type { TemplateField } from "../schema/template.ts";

/**
 * The field values a new brief starts with: each field's default (`"today"` resolved to
 * `now`'s date) overridden by `given`, which is checked by `checkFieldValues`.
 */
export function resolveFieldValues(
  fields: readonly TemplateField[],
  given: FieldValues = {},
  now = new Date(),
): FieldValues {
  const values: FieldValues = {};
  for (const f of fields)
    values[f.key] = f.type === "date" ? resolveDate(f.default ?? "", now) : (f.default ?? "");
  return { ...values, ...checkFieldValues(fields, given, now) };
}

/**
 * Checks values against the template's field definitions (also for later edits): a 400 naming
 * `fields.<key>` for an unknown field, a select value not among its options, a date that is
 * not YYYY-MM-DD or text over its length. Returns the values with `"today"` resolved.
 */
export function checkFieldValues(
  fields: readonly TemplateField[],
  values: FieldValues,
  now = new Date(),
): FieldValues {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const checked: FieldValues = {};
  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    const fail = (message: string) => badRequest("invalid_field", `fields.${key}: ${message}`);
    if (!field)
      throw fail(
        fields.length
          ? "the template has no such field"
          : "a brief without a template has no fields",
      );
    if (field.type === "select" && value !== "" && !field.options.includes(value)) {
      throw fail(`must be one of ${field.options.map((o) => `"${o}"`).join(", ")}`);
    }
    if (field.type === "date" && value !== "" && value !== "today" && !isIsoDate(value)) {
      throw fail("must be a date as YYYY-MM-DD");
    }
    if (field.type === "text" && value.length > field.maxLength) {
      throw fail(`must be at most ${field.maxLength} characters`);
    }
    checked[key] = field.type === "date" ? resolveDate(value, now) : value;
  }
  return checked;
}

/** `now` as YYYY-MM-DD in the server's time zone, the date its users are living in. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function resolveDate(value: string, now: Date): string {
  return value === "today" ? localDate(now) : value;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
