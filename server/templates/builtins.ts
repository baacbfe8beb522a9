import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Template } from "../schema/template.ts";
import { docxProblem } from "./docx-check.ts";
import { checkTemplate, type TemplateIssue } from "./validate.ts";

/** A template that ships with Briefroom, and the folder it was read from. */
export interface BuiltInTemplate {
  template: Template;
  dir: string;
}

/** A built-in template that could not be loaded: its file, the failing field and why. */
export interface TemplateProblem extends TemplateIssue {
  path: string;
}

/**
 * Reads every `<dir>/<id>/template.json`. Invalid templates are returned as problems, never
 * thrown, so one broken file cannot stop the server. Used by the registry and the render CLI.
 */
export async function loadBuiltInTemplates(
  dir: string,
): Promise<{ templates: BuiltInTemplate[]; problems: TemplateProblem[] }> {
  const templates: BuiltInTemplate[] = [];
  const problems: TemplateProblem[] = [];
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const folder of folders) {
    const result = await loadOne(path.join(dir, folder), folder);
    if ("template" in result) templates.push(result);
    else problems.push(...result.problems);
  }
  return { templates, problems };
}

async function loadOne(
  dir: string,
  folder: string,
): Promise<BuiltInTemplate | { problems: TemplateProblem[] }> {
  const file = path.join(dir, "template.json");
  const fail = (field: string, message: string) => ({ problems: [{ path: file, field, message }] });
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "file is missing"
        : `not valid JSON: ${(error as Error).message}`;
    return fail("(file)", reason);
  }
  const { template, issues } = checkTemplate(input);
  if (!template) return { problems: issues.map((i) => ({ path: file, ...i })) };
  if (template.id !== folder)
    return fail("id", `"${template.id}" must match its folder name "${folder}"`);
  if (template.referenceDocx) {
    const problem = await referenceProblem(dir, template.referenceDocx);
    if (problem) return fail("referenceDocx", problem);
  }
  return { template, dir };
}

async function referenceProblem(dir: string, name: string): Promise<string | null> {
  if (path.basename(name) !== name) return `"${name}" must be a file name beside template.json`;
  try {
    return docxProblem(new Uint8Array(await readFile(path.join(dir, name))));
  } catch {
    return `"${name}" does not exist beside template.json`;
  }
}
