import type { z } from "zod";
import { type AppError, badRequest } from "../errors.ts";
import { type Template, TemplateSchema } from "../schema/template.ts";

/** One reason a template is invalid: the dotted path of the failing field and why. */
export interface TemplateIssue {
  field: string;
  message: string;
}

/** Placeholders the export fills besides the template's own fields. */
export const BUILT_IN_PLACEHOLDERS = ["title"] as const;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Checks a template against the schema and the rules a schema cannot express (unique field
 * keys, placeholders naming real fields, quote rules selecting quotes).
 */
export function checkTemplate(
  input: unknown,
): { template: Template; issues: [] } | { template: null; issues: TemplateIssue[] } {
  const parsed = TemplateSchema.safeParse(input);
  if (!parsed.success) return { template: null, issues: issuesFromZod(parsed.error, input) };
  const issues = semanticIssues(parsed.data);
  return issues.length ? { template: null, issues } : { template: parsed.data, issues: [] };
}

/** Parses a template or throws a 400 whose message names every failing field. */
export function parseTemplate(input: unknown): Template {
  const result = checkTemplate(input);
  if (!result.template) throw invalidTemplate(result.issues);
  return result.template;
}

/** The 400 for an invalid template: `sections.0.heading: a section needs a heading; ...`. */
export function invalidTemplate(issues: TemplateIssue[]): AppError {
  return badRequest("invalid_template", issues.map((i) => `${i.field}: ${i.message}`).join("; "));
}

/** Turns zod issues into field-named issues, rewording the ones zod words for programmers. */
export function issuesFromZod(error: z.ZodError, input: unknown): TemplateIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join(".") : "(template)";
    const value = valueAt(input, issue.path);
    if (issue.code === "invalid_union" && issue.path.at(-1) === "type") {
      return {
        field,
        message: `unknown field type ${JSON.stringify(value)} (use text, date or select)`,
      };
    }
    if (
      issue.code === "invalid_type" &&
      value === undefined &&
      issue.message.startsWith("Invalid input")
    ) {
      return { field, message: "is required" };
    }
    return { field, message: issue.message };
  });
}

function semanticIssues(template: Template): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const keys = new Set<string>();
  template.fields.forEach((f, i) => {
    if (keys.has(f.key))
      issues.push({ field: `fields.${i}.key`, message: `duplicate field key "${f.key}"` });
    keys.add(f.key);
  });
  for (const part of ["header", "footer"] as const) {
    for (const [, name] of template.style[part].matchAll(PLACEHOLDER)) {
      const known =
        keys.has(name ?? "") || (BUILT_IN_PLACEHOLDERS as readonly string[]).includes(name ?? "");
      if (!known)
        issues.push({ field: `style.${part}`, message: `unknown field "${name}" in {{${name}}}` });
    }
  }
  template.sections.forEach((s, i) => {
    const kind = s.autofill?.kind;
    if (s.autofill?.as === "quotes" && kind && kind !== "quote") {
      issues.push({
        field: `sections.${i}.autofill.kind`,
        message: `"quotes" need quote snippets, not ${kind}`,
      });
    }
  });
  return issues;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
