import type pg from "pg";
import { type Template, TemplateSchema } from "../../schema/template.ts";
import type { TemplateRepo } from "../store.ts";

const parse = (body: string): Template => TemplateSchema.parse(JSON.parse(body));

export function pgTemplates(pool: pg.Pool): TemplateRepo {
  return {
    async upsert(template, referenceDocx) {
      await pool.query(
        `INSERT INTO templates (id, body, reference_docx, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at,
           reference_docx = COALESCE(excluded.reference_docx, templates.reference_docx)`,
        [
          template.id,
          JSON.stringify(template),
          referenceDocx ? Buffer.from(referenceDocx) : null,
          new Date().toISOString(),
        ],
      );
    },
    async get(id) {
      const { rows } = await pool.query<{ body: string }>(
        "SELECT body FROM templates WHERE id = $1",
        [id],
      );
      return rows[0] ? parse(rows[0].body) : null;
    },
    async list() {
      const { rows } = await pool.query<{ body: string }>("SELECT body FROM templates ORDER BY id");
      return rows.map((r) => parse(r.body));
    },
    async delete(id) {
      const res = await pool.query("DELETE FROM templates WHERE id = $1", [id]);
      return (res.rowCount ?? 0) > 0;
    },
    async setReferenceDocx(id, docx) {
      await pool.query("UPDATE templates SET reference_docx = $1 WHERE id = $2", [
        Buffer.from(docx),
        id,
      ]);
    },
    async referenceDocx(id) {
      const { rows } = await pool.query<{ reference_docx: Buffer | null }>(
        "SELECT reference_docx FROM templates WHERE id = $1",
        [id],
      );
      return rows[0]?.reference_docx ? new Uint8Array(rows[0].reference_docx) : null;
    },
  };
}
