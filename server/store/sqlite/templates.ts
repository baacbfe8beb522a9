import type Database from "better-sqlite3";
import { type Template, TemplateSchema } from "../../schema/template.ts";
import type { TemplateRepo } from "../store.ts";

export function sqliteTemplates(db: Database.Database): TemplateRepo {
  const upsert = db.prepare(
    `INSERT INTO templates (id, body, reference_docx, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at,
       reference_docx = COALESCE(excluded.reference_docx, templates.reference_docx)`,
  );
  const byId = db.prepare("SELECT body FROM templates WHERE id = ?");
  const all = db.prepare("SELECT body FROM templates ORDER BY id");
  const remove = db.prepare("DELETE FROM templates WHERE id = ?");
  const setDocx = db.prepare("UPDATE templates SET reference_docx = ? WHERE id = ?");
  const getDocx = db.prepare("SELECT reference_docx FROM templates WHERE id = ?");
  const parse = (body: string): Template => TemplateSchema.parse(JSON.parse(body));

  return {
    async upsert(template, referenceDocx) {
      const docx = referenceDocx ? Buffer.from(referenceDocx) : null;
      upsert.run(template.id, JSON.stringify(template), docx, new Date().toISOString());
    },
    async get(id) {
      const row = byId.get(id) as { body: string } | undefined;
      return row ? parse(row.body) : null;
    },
    async list() {
      return (all.all() as { body: string }[]).map((r) => parse(r.body));
    },
    async delete(id) {
      return remove.run(id).changes > 0;
    },
    async setReferenceDocx(id, docx) {
      setDocx.run(Buffer.from(docx), id);
    },
    async referenceDocx(id) {
      const row = getDocx.get(id) as { reference_docx: Buffer | null } | undefined;
      return row?.reference_docx ? new Uint8Array(row.reference_docx) : null;
    },
  };
}
