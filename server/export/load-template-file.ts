import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Template, TemplateSchema } from "../schema/template.ts";

/** Where the built-in templates live: `templates/<id>/template.json` at the repository root. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/** A built-in template and its reference .docx, if it names one. */
export interface TemplateFile {
  template: Template;
  referenceDocx?: Uint8Array;
}

/**
 * Reads and validates `templates/<id>/template.json` (and the reference .docx it names).
 * Throws a `TemplateFileError` naming the problem: no such template, bad JSON, bad shape.
 */
export async function loadTemplateFile(id: string, dir = TEMPLATES_DIR): Promise<TemplateFile> {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id))
    throw new TemplateFileError(`"${id}" is not a template id`);
  const folder = path.join(dir, id);
  let raw: string;
  try {
    raw = await readFile(path.join(folder, "template.json"), "utf8");
  } catch {
    throw new TemplateFileError(`no template "${id}" in ${dir}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new TemplateFileError(
      `templates/${id}/template.json is not JSON: ${(err as Error).message}`,
    );
  }
  const parsed = TemplateSchema.safeParse(json);
  if (!parsed.success) {
    throw new TemplateFileError(
      `templates/${id}/template.json is not a valid template: ${parsed.error.message}`,
    );
  }
  const template = parsed.data;
  if (!template.referenceDocx) return { template };
  const referenceDocx = new Uint8Array(
    await readFile(path.join(folder, path.basename(template.referenceDocx))),
  );
  return { template, referenceDocx };
}

/** A built-in template that can't be used, with a message fit for a command line. */
export class TemplateFileError extends Error {
  override name = "TemplateFileError";
}
