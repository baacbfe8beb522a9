import type pg from "pg";
import type { Brief } from "../../schema/brief.ts";
import type { BriefRepo } from "../store.ts";
import { transaction } from "./open.ts";

interface Row {
  id: string;
  title: string;
  template_id: string | null;
  fields: string;
  owner_id: string | null;
  created_at: string;
  updated_at: string;
}

const toBrief = (r: Row): Brief => ({
  id: r.id,
  title: r.title,
  templateId: r.template_id,
  fields: JSON.parse(r.fields),
  ownerId: r.owner_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function pgBriefs(pool: pg.Pool): BriefRepo {
  return {
    async create(b) {
      const now = new Date().toISOString();
      const row: Row = {
        id: b.id,
        title: b.title,
        template_id: b.templateId,
        fields: JSON.stringify(b.fields),
        owner_id: b.ownerId,
        created_at: now,
        updated_at: now,
      };
      await transaction(pool, async (client) => {
        await client.query(
          `INSERT INTO briefs (id, title, template_id, fields, owner_id, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [row.id, row.title, row.template_id, row.fields, row.owner_id, now, now],
        );
        await client.query(
          `INSERT INTO doc_snapshots (brief_id, state, state_vector, seq, doc_json)
           VALUES ($1, $2, $3, 0, $4)`,
          [row.id, Buffer.from(b.state), Buffer.from(b.stateVector), JSON.stringify(b.doc)],
        );
      });
      return toBrief(row);
    },
    async get(id) {
      const { rows } = await pool.query<Row>("SELECT * FROM briefs WHERE id = $1", [id]);
      return rows[0] ? toBrief(rows[0]) : null;
    },
    async list() {
      const { rows } = await pool.query<Row>("SELECT * FROM briefs ORDER BY updated_at DESC, id");
      return rows.map(toBrief);
    },
    async updateMeta(id, meta) {
      await pool.query(
        "UPDATE briefs SET title = $1, template_id = $2, fields = $3, updated_at = $4 WHERE id = $5",
        [meta.title, meta.templateId, JSON.stringify(meta.fields), new Date().toISOString(), id],
      );
    },
    async delete(id) {
      const res = await pool.query("DELETE FROM briefs WHERE id = $1", [id]);
      return (res.rowCount ?? 0) > 0;
    },
  };
}
