import type Database from "better-sqlite3";
import type { PMNode } from "../../schema/brief.ts";
import type { DocRepo } from "../store.ts";

export function sqliteDocs(db: Database.Database): DocRepo {
  const snapshot = db.prepare("SELECT state, seq, doc_json FROM doc_snapshots WHERE brief_id = ?");
  const updates = db.prepare(
    "SELECT seq, update_data FROM doc_updates WHERE brief_id = ? ORDER BY seq",
  );
  const maxSeq = db.prepare(
    `SELECT MAX(seq) AS seq FROM (
       SELECT seq FROM doc_updates WHERE brief_id = ?
       UNION ALL SELECT seq FROM doc_snapshots WHERE brief_id = ?)`,
  );
  const insert = db.prepare(
    "INSERT INTO doc_updates (brief_id, seq, update_data) VALUES (?, ?, ?)",
  );
  const upsertSnapshot = db.prepare(
    `INSERT INTO doc_snapshots (brief_id, state, seq, doc_json) VALUES (?, ?, ?, ?)
     ON CONFLICT (brief_id) DO UPDATE SET state = excluded.state, seq = excluded.seq,
       doc_json = excluded.doc_json`,
  );
  const dropUpTo = db.prepare("DELETE FROM doc_updates WHERE brief_id = ? AND seq <= ?");
  const touch = db.prepare("UPDATE briefs SET updated_at = ? WHERE id = ?");
  const countPending = db.prepare("SELECT COUNT(*) AS n FROM doc_updates WHERE brief_id = ?");
  const exists = db.prepare("SELECT 1 FROM briefs WHERE id = ?");

  const append = db.transaction((briefId: string, batch: Uint8Array[]) => {
    let seq = (maxSeq.get(briefId, briefId) as { seq: number | null }).seq ?? 0;
    for (const u of batch) insert.run(briefId, ++seq, Buffer.from(u));
    touch.run(new Date().toISOString(), briefId);
    return seq;
  });
  const compact = db.transaction(
    (briefId: string, state: Uint8Array, upTo: number, doc: string) => {
      upsertSnapshot.run(briefId, Buffer.from(state), upTo, doc);
      dropUpTo.run(briefId, upTo);
    },
  );

  return {
    async load(briefId) {
      if (!exists.get(briefId)) return null;
      const snap = snapshot.get(briefId) as { state: Buffer; seq: number } | undefined;
      const rows = updates.all(briefId) as { seq: number; update_data: Buffer }[];
      return {
        snapshot: snap ? new Uint8Array(snap.state) : null,
        updates: rows.map((r) => new Uint8Array(r.update_data)),
        lastSeq: rows.at(-1)?.seq ?? snap?.seq ?? 0,
      };
    },
    async append(briefId, batch) {
      return append(briefId, batch);
    },
    async compact(briefId, state, upToSeq, doc) {
      compact(briefId, state, upToSeq, JSON.stringify(doc));
    },
    async derived(briefId) {
      const snap = snapshot.get(briefId) as { doc_json: string } | undefined;
      return snap ? (JSON.parse(snap.doc_json) as PMNode) : null;
    },
    async pending(briefId) {
      return (countPending.get(briefId) as { n: number }).n;
    },
  };
}
