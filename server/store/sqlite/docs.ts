import type Database from "better-sqlite3";
import type { PMNode } from "../../schema/brief.ts";
import type { EditTimes } from "../edit-times.ts";
import type { AppendEntry, DocRepo } from "../store.ts";
import type { Checkpointer } from "./checkpointer.ts";

/** What the document repository shares with the rest of the SQLite store. */
export interface SqliteDocsDeps {
  edits: EditTimes;
  checkpoints: Checkpointer;
  /** `UPDATE briefs SET updated_at = ? WHERE id = ?`, also used for deferred edit times. */
  touch: Database.Statement<[string, string]>;
}

export function sqliteDocs(
  db: Database.Database,
  { edits, checkpoints, touch }: SqliteDocsDeps,
): DocRepo {
  const snapshot = db.prepare("SELECT state, seq, doc_json FROM doc_snapshots WHERE brief_id = ?");
  const updates = db.prepare(
    "SELECT seq, update_data FROM doc_updates WHERE brief_id = ? ORDER BY seq",
  );
  const maxLogSeq = db.prepare("SELECT MAX(seq) AS seq FROM doc_updates WHERE brief_id = ?");
  const snapshotSeq = db.prepare("SELECT seq FROM doc_snapshots WHERE brief_id = ?");
  const insert = db.prepare(
    "INSERT INTO doc_updates (brief_id, seq, update_data) VALUES (?, ?, ?)",
  );
  // Never over a newer snapshot: the updates it replaced are gone from the log.
  const upsertSnapshot = db.prepare(
    `INSERT INTO doc_snapshots (brief_id, state, seq, doc_json) VALUES (?, ?, ?, ?)
     ON CONFLICT (brief_id) DO UPDATE SET state = excluded.state, seq = excluded.seq,
       doc_json = excluded.doc_json
     WHERE doc_snapshots.seq < excluded.seq`,
  );
  const dropUpTo = db.prepare("DELETE FROM doc_updates WHERE brief_id = ? AND seq <= ?");
  const countPending = db.prepare("SELECT COUNT(*) AS n FROM doc_updates WHERE brief_id = ?");
  const exists = db.prepare("SELECT 1 FROM briefs WHERE id = ?");

  const appendRows = (briefId: string, batch: Uint8Array[]) => {
    const logged = (maxLogSeq.get(briefId) as { seq: number | null }).seq;
    let seq = logged ?? (snapshotSeq.get(briefId) as { seq: number } | undefined)?.seq ?? 0;
    for (const u of batch) insert.run(briefId, ++seq, Buffer.from(u));
    const editedAt = edits.edited(briefId);
    if (editedAt) touch.run(editedAt, briefId);
    return seq;
  };
  // A transaction of its own when called alone, a savepoint inside `appendAll`.
  const appendOne = db.transaction(appendRows);

  const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
  // Each brief in its own savepoint, so one brief's failure fails only its entry; a failed
  // commit fails them all.
  const appendAll = db.transaction((entries: AppendEntry[]) =>
    entries.map(({ briefId, updates }) => {
      try {
        return appendOne(briefId, updates);
      } catch (err) {
        return asError(err);
      }
    }),
  );
  const appendNow = (entries: AppendEntry[]): (number | Error)[] => {
    if (entries.length === 0) return [];
    try {
      const [only] = entries;
      // One brief alone needs no savepoint: its failure is the transaction's.
      return entries.length === 1 ? [appendOne(only!.briefId, only!.updates)] : appendAll(entries);
    } catch (err) {
      return entries.map(() => asError(err));
    } finally {
      checkpoints.committed();
    }
  };

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
      const [result] = appendNow([{ briefId, updates: batch }]);
      if (result instanceof Error) throw result;
      return result!;
    },
    appendNow,
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
