import type Database from "better-sqlite3";
import type { Brief } from "../../schema/brief.ts";
import type { BriefRepo, DocSnapshot } from "../store.ts";

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

export function sqliteBriefs(db: Database.Database): BriefRepo {
  const insert = db.prepare(
    `INSERT INTO briefs (id, title, template_id, fields, owner_id, created_at, updated_at)
     VALUES (@id, @title, @template_id, @fields, @owner_id, @created_at, @updated_at)`,
  );
  const insertSnapshot = db.prepare(
    "INSERT INTO doc_snapshots (brief_id, state, state_vector, seq, doc_json) VALUES (?, ?, ?, 0, ?)",
  );
  const byId = db.prepare("SELECT * FROM briefs WHERE id = ?");
  const all = db.prepare("SELECT * FROM briefs ORDER BY updated_at DESC, id");
  const setMeta = db.prepare(
    "UPDATE briefs SET title = ?, template_id = ?, fields = ?, updated_at = ? WHERE id = ?",
  );
  const remove = db.prepare("DELETE FROM briefs WHERE id = ?");
  const create = db.transaction((row: Row, { state, stateVector, doc }: DocSnapshot) => {
    insert.run(row);
    insertSnapshot.run(row.id, Buffer.from(state), Buffer.from(stateVector), JSON.stringify(doc));
  });

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
      create(row, b);
      return toBrief(row);
    },
    async get(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toBrief(row) : null;
    },
    async list() {
      return (all.all() as Row[]).map(toBrief);
    },
    async updateMeta(id, meta) {
      const now = new Date().toISOString();
      setMeta.run(meta.title, meta.templateId, JSON.stringify(meta.fields), now, id);
    },
    async delete(id) {
      return remove.run(id).changes > 0;
    },
  };
}
