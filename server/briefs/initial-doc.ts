import type * as Y from "yjs";
import { writeMeta } from "../collab/meta.ts";
import type { Article } from "../schema/article.ts";
import type { FieldValues, PMNode } from "../schema/brief.ts";
import type { Template, TemplateSection } from "../schema/template.ts";
import { autofill } from "./autofill.ts";
import { jsonToDoc } from "./doc-json.ts";
import { resolveFieldValues } from "./field-values.ts";

export interface InitialDocInput {
  title: string;
  /** Without a template the brief starts blank. */
  template?: Template | null;
  /** Field values chosen at creation; the template's defaults fill the rest. */
  fields?: FieldValues;
  /** Articles to draft from, in the order their snippets should appear. */
  articles?: readonly Article[];
  /** Fill each section from `articles` by its auto-fill rule. */
  draft?: boolean;
  /** The clock for `"today"` defaults. */
  now?: Date;
}

/**
 * The Y.Doc a new brief starts as: `meta` holds title, template id and the field values
 * (defaults applied; a 400 naming the field for an invalid one), the body holds each
 * section's heading and guidance, followed with `draft` by its auto-filled snippets. The body
 * is checked against the editor schema before it becomes Yjs state.
 */
export function buildInitialDoc(input: InitialDocInput): Y.Doc {
  const template = input.template ?? null;
  const fields = resolveFieldValues(template?.fields ?? [], input.fields, input.now);
  const doc = jsonToDoc(initialBody(template, input.draft ? (input.articles ?? []) : []));
  writeMeta(doc, { title: input.title, templateId: template?.id ?? null, fields });
  return doc;
}

/** The body as ProseMirror JSON; `articles` is empty unless drafting. */
export function initialBody(template: Template | null, articles: readonly Article[]): PMNode {
  const used = new Set<string>();
  const content = (template?.sections ?? []).flatMap((section) => [
    ...sectionStart(section),
    ...(section.autofill && articles.length ? autofill(section.autofill, articles, used) : []),
  ]);
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}

/** A section's heading and its guidance (or an empty paragraph to type into). */
function sectionStart(section: TemplateSection): PMNode[] {
  const heading = {
    type: "heading",
    attrs: { level: section.level },
    content: [{ type: "text", text: section.heading }],
  };
  const guidance = guidanceText(section);
  return [
    heading,
    guidance
      ? { type: "paragraph", content: [{ type: "text", text: guidance }] }
      : { type: "paragraph" },
  ];
}

/** The guidance paragraph's text: the section's guidance on one line. */
export function guidanceText(section: Pick<TemplateSection, "guidance">): string {
  return section.guidance.replace(/\s+/g, " ").trim();
}
