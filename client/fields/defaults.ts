import type { FieldValues } from "../../server/schema/brief.ts";
import type { TemplateField } from "../../server/schema/template.ts";

/** Today's date as YYYY-MM-DD in local time. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A template's fields filled with their defaults ("today" becomes the date), as the server
 * fills them: a field without a default, a select too, starts empty.
 */
export function fieldDefaults(fields: readonly TemplateField[], today = new Date()): FieldValues {
  const values: FieldValues = {};
  for (const f of fields) {
    if (f.type === "date") values[f.key] = f.default === "today" ? isoDate(today) : f.default;
    else values[f.key] = f.default ?? "";
  }
  return values;
}

/** Labels of required fields left empty, for a readable message before submitting. */
export function missingRequired(fields: readonly TemplateField[], values: FieldValues): string[] {
  return fields.filter((f) => f.required && !values[f.key]?.trim()).map((f) => f.label);
}
