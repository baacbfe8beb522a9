import type * as Y from "yjs";
import { readFields, writeFields } from "../../server/collab/meta.ts";
import type { FieldValues } from "../../server/schema/brief.ts";
import { META_MAP } from "../../server/schema/editor.ts";

/** Brief metadata as it lives in the Y.Doc's `meta` map (title, template, field values). */
export interface MetaSnapshot {
  title: string;
  templateId: string | null;
  fields: FieldValues;
}

/** Reads the `meta` map; entries not there yet read as empty. */
export function readMeta(doc: Y.Doc): MetaSnapshot {
  const meta = doc.getMap<unknown>(META_MAP);
  const title = meta.get("title");
  const templateId = meta.get("templateId");
  return {
    title: typeof title === "string" ? title : "",
    templateId: typeof templateId === "string" ? templateId : null,
    fields: readFields(doc),
  };
}

/** Renames the brief for everyone. */
export function setTitle(doc: Y.Doc, title: string): void {
  doc.getMap<unknown>(META_MAP).set("title", title);
}

/** Sets one field value for everyone, leaving the other fields to whoever edits them. */
export function setField(doc: Y.Doc, key: string, value: string): void {
  writeFields(doc, { [key]: value });
}
