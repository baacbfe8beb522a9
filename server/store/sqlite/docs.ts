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

  /**
   * The last seq written for each brief this process appends to, so that an append needn't
   * look it up first. This process is the file's only writer (a server holds its data
   * directory's lock). An entry is set once its write commits, and dropped when the brief
   * compacts (an unloading room compacts, which keeps this to the briefs in use) or an append
   * to it fails, so the next one reads the log. Only the one-statement path below uses it;
   * the other always reads the log.
   */
  const lastSeqs = new Map<string, number>();
  const loggedLastSeq = (briefId: string): number =>
    (maxLogSeq.get(briefId) as { seq: number | null }).seq ??
    (snapshotSeq.get(briefId) as { seq: number } | undefined)?.seq ??
    0;
  const noted = (entries: AppendEntry[], results: (number | Error)[]) => {
    entries.forEach(({ briefId }, i) => {
      const result = results[i]!;
      if (result instanceof Error) lastSeqs.delete(briefId);
      else lastSeqs.set(briefId, result);
    });
    return results;
  };

  // The usual turn (one edit or a few, in a brief or a few) is one multi-row INSERT, which
  // SQLite commits as its own transaction: one statement where BEGIN, a look-up per brief, a
  // savepoint per brief, an INSERT per update and COMMIT were each a call into SQLite.
  const ONE_STATEMENT_ROWS = 32;
  const insertsOf = new Map<number, Database.Statement>();
  const insertRows = (n: number) => {
    let statement = insertsOf.get(n);
    if (!statement) {
      statement = db.prepare(
        `INSERT INTO doc_updates (brief_id, seq, update_data) VALUES ${Array(n).fill("(?, ?, ?)").join(", ")}`,
      );
      insertsOf.set(n, statement);
    }
    return statement;
  };
  /**
   * Appends the turn in one statement, or returns null to leave it to `appendEach`: when it is
   * large, when a brief's edit time is due to be written with it, or when the statement
   * failed (then nothing was written, and `appendEach`, reading the log, finds which brief's
   * entry it was, or writes them all after rows it did not know of).
   */
  const appendAtOnce = (entries: AppendEntry[]): number[] | null => {
    let rows = 0;
    for (const { briefId, updates } of entries) {
      rows += updates.length;
      if (rows > ONE_STATEMENT_ROWS || edits.due(briefId)) return null;
    }
    const params: unknown[] = [];
    const last = entries.map(({ briefId, updates }) => {
      let seq = lastSeqs.get(briefId) ?? loggedLastSeq(briefId);
      for (const u of updates) params.push(briefId, ++seq, u);
      return seq;
    });
    try {
      insertRows(rows).run(params);
    } catch {
      return null;
    }
    for (const { briefId } of entries) edits.edited(briefId);
    return last;
  };

  const appendRows = (briefId: string, batch: Uint8Array[]) => {
    let seq = loggedLastSeq(briefId);
    for (const u of batch) insert.run(briefId, ++seq, u);
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
  const appendEach = (entries: AppendEntry[]): (number | Error)[] => {
    try {
      const [only] = entries;
      // One brief alone needs no savepoint: its failure is the transaction's.
      return entries.length === 1 ? [appendOne(only!.briefId, only!.updates)] : appendAll(entries);
    } catch (err) {
      return entries.map(() => asError(err));
    }
  };
  const appendNow = (entries: AppendEntry[]): (number | Error)[] => {
    if (entries.length === 0) return [];
    try {
      return noted(entries, appendAtOnce(entries) ?? appendEach(entries));
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
      lastSeqs.delete(briefId);
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
