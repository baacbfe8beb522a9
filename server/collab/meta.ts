import * as Y from "yjs";
import type { FieldValues } from "../schema/brief.ts";
import { META_MAP } from "../schema/editor.ts";

/** Brief metadata as it lives in the Y.Doc's `meta` map. */
export interface BriefMeta {
  title: string;
  templateId: string | null;
  fields: FieldValues;
}

/** Reads the `meta` map; missing entries get neutral defaults. */
export function readMeta(doc: Y.Doc): BriefMeta {
  const meta = doc.getMap<unknown>(META_MAP);
  return {
    title: typeof meta.get("title") === "string" ? (meta.get("title") as string) : "Untitled brief",
    templateId:
      typeof meta.get("templateId") === "string" ? (meta.get("templateId") as string) : null,
    fields: readFields(doc),
  };
}

/**
 * The template field values. They live in a `Y.Map` under `meta.fields`, one entry per field,
 * so people editing different fields at once both keep their edit; briefs written before
 * that hold one plain object there, read the same way.
 */
export function readFields(doc: Y.Doc): FieldValues {
  const fields = doc.getMap<unknown>(META_MAP).get("fields");
  const values = fields instanceof Y.Map ? fields.toJSON() : fields;
  if (typeof values !== "object" || values === null) return {};
  return Object.fromEntries(
    Object.entries(values).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

/** Sets the given field values, each on its own; a plain-object `fields` becomes a map first. */
export function writeFields(doc: Y.Doc, values: FieldValues): void {
  const meta = doc.getMap<unknown>(META_MAP);
  doc.transact(() => {
    let fields = meta.get("fields");
    if (!(fields instanceof Y.Map)) {
      const legacy = readFields(doc);
      fields = new Y.Map<string>();
      meta.set("fields", fields);
      for (const [key, value] of Object.entries(legacy)) (fields as Y.Map<string>).set(key, value);
    }
    for (const [key, value] of Object.entries(values)) (fields as Y.Map<string>).set(key, value);
  });
}

/** Writes the given parts of the metadata in one transaction. */
export function writeMeta(doc: Y.Doc, patch: Partial<BriefMeta>): void {
  const meta = doc.getMap<unknown>(META_MAP);
  doc.transact(() => {
    if (patch.title !== undefined) meta.set("title", patch.title);
    if (patch.templateId !== undefined) meta.set("templateId", patch.templateId);
    if (patch.fields !== undefined) writeFields(doc, patch.fields);
  });
}
