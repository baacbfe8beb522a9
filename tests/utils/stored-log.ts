import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { readRecords } from "../../server/store/sqlite/journal.ts";

/**
 * A brief's update log as a running server has stored it, read from its data directory without
 * going through the server: the log rows SQLite has committed and, after them, the updates still
 * in the journal (see `Journal`), past the snapshot's seq and in seq order.
 */
export function storedLog(dataDir: string, briefId: string): { seq: number; update: Uint8Array }[] {
  const db = new Database(path.join(dataDir, "briefroom.db"), { readonly: true });
  let rows: { seq: number; update: Uint8Array }[];
  let snapshotSeq: number;
  try {
    rows = (
      db
        .prepare("SELECT seq, update_data FROM doc_updates WHERE brief_id = ? ORDER BY seq")
        .all(briefId) as { seq: number; update_data: Buffer }[]
    ).map((r) => ({ seq: r.seq, update: new Uint8Array(r.update_data) }));
    snapshotSeq =
      (
        db.prepare("SELECT seq FROM doc_snapshots WHERE brief_id = ?").get(briefId) as
          | { seq: number }
          | undefined
      )?.seq ?? 0;
  } finally {
    db.close();
  }
  const logged = new Set(rows.map((r) => r.seq));
  const journal = readRecords(readFileSync(path.join(dataDir, "briefroom.journal")));
  for (const { briefId: id, seq, update } of journal.updates)
    if (id === briefId && seq > snapshotSeq && !logged.has(seq)) rows.push({ seq, update });
  return rows.sort((a, b) => a.seq - b.seq);
}
