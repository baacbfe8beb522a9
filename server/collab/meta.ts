import type * as Y from "yjs";
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
  const fields = meta.get("fields");
  return {
    title: typeof meta.get("title") === "string" ? (meta.get("title") as string) : "Untitled brief",
    templateId:
      typeof meta.get("templateId") === "string" ? (meta.get("templateId") as string) : null,
    fields: isFieldValues(fields) ? fields : {},
  };
}

/** Writes the given parts of the metadata in one transaction. */
export function writeMeta(doc: Y.Doc, patch: Partial<BriefMeta>): void {
  const meta = doc.getMap<unknown>(META_MAP);
  doc.transact(() => {
    if (patch.title !== undefined) meta.set("title", patch.title);
    if (patch.templateId !== undefined) meta.set("templateId", patch.templateId);
    if (patch.fields !== undefined)
      meta.set("fields", { ...readMeta(doc).fields, ...patch.fields });
  });
}

function isFieldValues(value: unknown): value is FieldValues {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((v) => typeof v === "string")
  );
}
