import type * as Y from "yjs";
import { docToJSON } from "../briefs/doc-json.ts";
import { readMeta } from "../collab/meta.ts";
import type { TemplateInfo } from "../schema/template.ts";
import { templateFromBrief } from "./from-brief.ts";
import type { TemplateRegistry } from "./registry.ts";

/**
 * Saves a brief's structure, fields and style as a new user template named `name`, with the
 * reference .docx of the brief's template if it had one, so its briefs export the same way.
 */
export async function saveBriefAsTemplate(
  registry: TemplateRegistry,
  doc: Y.Doc,
  name: string,
): Promise<TemplateInfo> {
  const meta = readMeta(doc);
  const base = meta.templateId ? await registry.get(meta.templateId) : null;
  const id = await registry.freeId(name);
  const created = await registry.create(
    templateFromBrief({ id, name, meta, body: docToJSON(doc), base }),
  );
  const reference = base ? await registry.referenceDocx(base.id) : null;
  return reference ? registry.setReferenceDocx(created.id, reference) : created;
}
