import { readFile } from "node:fs/promises";
import path from "node:path";
import { badRequest, conflict, forbidden, notFound } from "../errors.ts";
import type { Template, TemplateInfo } from "../schema/template.ts";
import type { Store } from "../store/store.ts";
import { type BuiltInTemplate, loadBuiltInTemplates, type TemplateProblem } from "./builtins.ts";
import { assertDocx } from "./docx-check.ts";
import { slugify, uniqueId } from "./template-id.ts";
import { parseTemplate } from "./validate.ts";

/** Where the registry reports templates it could not load. `console` will do. */
export interface RegistryLog {
  warn(message: string, details?: object): void;
}

/** File name under which a user template's uploaded reference .docx is recorded. */
export const USER_REFERENCE_DOCX = "reference.docx";

/**
 * Every template a brief can be made from: the read-only built-ins from `templates/`, loaded
 * once at start, and user templates, which live in the store (so every instance sees them).
 */
export class TemplateRegistry {
  private constructor(
    private readonly builtIns: Map<string, BuiltInTemplate>,
    private readonly store: Store,
    /** Built-in templates that failed validation; the server starts without them. */
    readonly problems: readonly TemplateProblem[],
  ) {}

  /** Loads the built-ins under `dir`, logging (never throwing) each invalid one. */
  static async load(
    dir: string,
    store: Store,
    log: RegistryLog = console,
  ): Promise<TemplateRegistry> {
    const { templates, problems } = await loadBuiltInTemplates(dir);
    for (const p of problems)
      log.warn(`Template ${p.path} is invalid: ${p.field}: ${p.message}`, p);
    const builtIns = new Map(templates.map((b) => [b.template.id, b]));
    return new TemplateRegistry(builtIns, store, problems);
  }

  isBuiltIn(id: string): boolean {
    return this.builtIns.has(id);
  }

  async get(id: string): Promise<TemplateInfo | null> {
    const builtIn = this.builtIns.get(id);
    if (builtIn) return { ...builtIn.template, builtIn: true };
    const user = await this.store.templates.get(id);
    return user && { ...user, builtIn: false };
  }

  /** Built-ins first (in folder order), then user templates by name. */
  async list(): Promise<TemplateInfo[]> {
    const users = (await this.store.templates.list()).sort((a, b) => a.name.localeCompare(b.name));
    return [
      ...[...this.builtIns.values()].map((b) => ({ ...b.template, builtIn: true })),
      ...users.filter((t) => !this.builtIns.has(t.id)).map((t) => ({ ...t, builtIn: false })),
    ];
  }

  /** Validates and stores a user template; without an `id` one is made from the name. */
  async create(input: unknown): Promise<TemplateInfo> {
    const withId = await this.withId(input);
    // A user template's reference .docx arrives only by upload, never by name.
    const { referenceDocx: _ignored, ...template } = parseTemplate(withId);
    if (await this.exists(template.id)) {
      throw conflict("template_exists", `id: a template with id "${template.id}" already exists`);
    }
    await this.store.templates.upsert(template, null);
    return { ...template, builtIn: false };
  }

  /** Replaces a user template, bumping its version; its reference .docx stays. */
  async update(id: string, input: unknown): Promise<TemplateInfo> {
    const current = await this.userTemplate(id);
    const body = isObject(input) ? { ...input, id: input.id ?? id } : input;
    const next = parseTemplate(body);
    if (next.id !== id) throw badRequest("invalid_template", "id: a template's id cannot change");
    const { referenceDocx: _ignored, ...rest } = next;
    const template: Template = {
      ...rest,
      version: Math.max(next.version, current.version + 1),
      ...(current.referenceDocx ? { referenceDocx: current.referenceDocx } : {}),
    };
    await this.store.templates.upsert(template);
    return { ...template, builtIn: false };
  }

  async delete(id: string): Promise<void> {
    await this.userTemplate(id);
    await this.store.templates.delete(id);
  }

  /** Checks the upload is a real .docx within the size limit, then attaches it. */
  async setReferenceDocx(id: string, docx: Uint8Array): Promise<TemplateInfo> {
    const current = await this.userTemplate(id);
    assertDocx(docx);
    const template = { ...current, referenceDocx: USER_REFERENCE_DOCX };
    await this.store.templates.upsert(template, docx);
    return { ...template, builtIn: false };
  }

  /** The reference .docx whose styles, header and footer the Word export uses, if any. */
  async referenceDocx(id: string): Promise<Uint8Array | null> {
    const builtIn = this.builtIns.get(id);
    if (!builtIn) return this.store.templates.referenceDocx(id);
    const name = builtIn.template.referenceDocx;
    return name ? new Uint8Array(await readFile(path.join(builtIn.dir, name))) : null;
  }

  /** Whether `id` is taken by a built-in or a user template. */
  async exists(id: string): Promise<boolean> {
    return this.builtIns.has(id) || (await this.store.templates.get(id)) !== null;
  }

  /** A free id made from `name`. */
  freeId(name: string): Promise<string> {
    return uniqueId(slugify(name), (id) => this.exists(id));
  }

  private async withId(input: unknown): Promise<unknown> {
    if (!isObject(input) || input.id !== undefined || typeof input.name !== "string") return input;
    return { ...input, id: await this.freeId(input.name) };
  }

  private async userTemplate(id: string): Promise<Template> {
    if (this.builtIns.has(id)) {
      throw forbidden(
        "template_read_only",
        `Template "${id}" is built in and read-only; save a copy under a new id to change it.`,
      );
    }
    const template = await this.store.templates.get(id);
    if (!template) throw notFound("template", id);
    return template;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
