import type * as Y from "yjs";
import { docToJSON } from "../briefs/doc-json.ts";
import { readMeta } from "../collab/meta.ts";
import { conflict } from "../errors.ts";
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
  // People pick a template by its name in the New brief dialog: two of one name could not be
  // told apart there.
  const same = (await registry.list()).find(
    (t) => t.name.trim().toLowerCase() === name.trim().toLowerCase(),
  );
  if (same)
    throw conflict("template_exists", `name: there is already a template called "${same.name}"`);
  const meta = readMeta(doc);
  const base = meta.templateId ? await registry.get(meta.templateId) : null;
  const id = await registry.freeId(name);
  const created = await registry.create(
    templateFromBrief({ id, name, meta, body: docToJSON(doc), base }),
  );
  const reference = base ? await registry.referenceDocx(base.id) : null;
  return reference ? registry.setReferenceDocx(created.id, reference) : created;
}
