import type Database from "better-sqlite3";
import type { Logger } from "../../logger.ts";
import type { PMNode } from "../../schema/brief.ts";
import type { EditTimes } from "../edit-times.ts";
import type { AppendEntry, DocRepo, DocSnapshot } from "../store.ts";
import type { Checkpointer } from "./checkpointer.ts";
import { type Journal, type LoggedUpdate, MAPPED_BYTES } from "./journal.ts";

/** How long journaled updates wait, at most, to be moved into the log. */
const MOVE_EVERY_MS = 1000;
/** A journal this big is moved at once (a few large pastes), so it never holds much. */
const MOVE_AT_BYTES = MAPPED_BYTES / 2;

/** What the document repository shares with the rest of the SQLite store. */
export interface SqliteDocsDeps {
  edits: EditTimes;
  checkpoints: Checkpointer;
  /** `UPDATE briefs SET updated_at = ? WHERE id = ?`, also used for deferred edit times. */
  touch: Database.Statement<[string, string]>;
  journal: Journal;
  log: Logger;
}

export interface SqliteDocs extends DocRepo {
  /** Moves every journaled update into the log now (on opening, to recover; on closing). */
  moveJournal(): void;
}

/**
 * Brief bodies in SQLite. Appends go to the journal (see `Journal`), which is moved into
 * `doc_updates` in one transaction about once a second, and before anything reads the log:
 * one SQLite commit per turn was most of what durable edits cost.
 */
export function sqliteDocs(
  db: Database.Database,
  { edits, checkpoints, touch, journal, log }: SqliteDocsDeps,
): SqliteDocs {
  const snapshot = db.prepare(
    "SELECT state, state_vector, seq FROM doc_snapshots WHERE brief_id = ?",
  );
  const derived = db.prepare("SELECT doc_json FROM doc_snapshots WHERE brief_id = ?");
  const updates = db.prepare(
    "SELECT seq, update_data FROM doc_updates WHERE brief_id = ? ORDER BY seq",
  );
  const maxLogSeq = db.prepare("SELECT MAX(seq) AS seq FROM doc_updates WHERE brief_id = ?");
  const snapshotSeq = db.prepare("SELECT seq FROM doc_snapshots WHERE brief_id = ?");
  // Never over a newer snapshot: the updates it replaced are gone from the log.
  const upsertSnapshot = db.prepare(
    `INSERT INTO doc_snapshots (brief_id, state, state_vector, seq, doc_json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (brief_id) DO UPDATE SET state = excluded.state,
       state_vector = excluded.state_vector, seq = excluded.seq, doc_json = excluded.doc_json
     WHERE doc_snapshots.seq < excluded.seq`,
  );
  const dropUpTo = db.prepare("DELETE FROM doc_updates WHERE brief_id = ? AND seq <= ?");
  const countPending = db.prepare("SELECT COUNT(*) AS n FROM doc_updates WHERE brief_id = ?");
  const exists = db.prepare("SELECT 1 FROM briefs WHERE id = ?");

  // Journaled updates move in here. One already here (written before a crash that came
  // between a move and the journal's clearing) is the same update, and is left as it is.
  const insertJournaled = db.prepare(
    "INSERT OR IGNORE INTO doc_updates (brief_id, seq, update_data) VALUES (?, ?, ?)",
  );

  /**
   * The last seq written for each brief this process appends to, so that an append needn't
   * look it up. This process is the log's only writer (a server holds its data directory's
   * lock). An entry is set when an append is journaled, and dropped when the brief compacts
   * (an unloading room compacts, which keeps this to the briefs in use).
   */
  const lastSeqs = new Map<string, number>();
  let moveTimer: NodeJS.Timeout | null = null;

  /**
   * Moves journaled updates into the log. Those of a brief deleted meanwhile, or that its
   * snapshot already holds, are dropped; each brief is looked up once per move, not once per
   * update (a fifth of a move's inserts).
   */
  const moveAll = db.transaction((updates: readonly LoggedUpdate[]) => {
    // Per brief: the last seq its snapshot holds, or null when the brief is gone.
    const floors = new Map<string, number | null>();
    for (const { briefId, seq, update } of updates) {
      let floor = floors.get(briefId);
      if (floor === undefined) {
        floor = exists.get(briefId)
          ? ((snapshotSeq.get(briefId) as { seq: number } | undefined)?.seq ?? 0)
          : null;
        floors.set(briefId, floor);
      }
      if (floor !== null && seq > floor) insertJournaled.run(briefId, seq, update);
    }
  });
  /** Puts updates into the log, in one transaction. */
  const store = (updates: readonly LoggedUpdate[]) => {
    moveAll(updates);
    checkpoints.committed(updates.length);
  };
  /** Moves what the journal holds into the log, in one transaction, and empties it. */
  const moveJournal = () => {
    if (moveTimer) clearTimeout(moveTimer);
    moveTimer = null;
    if (journal.count === 0) return;
    store(journal.held);
    journal.clear();
  };
  const tryMove = () => {
    try {
      moveJournal();
    } catch (err) {
      // Still in the journal: the next append or read tries again.
      log.error("moving journaled updates into the log failed", { err: String(err) });
    }
  };
  const moveSoon = () => {
    if (journal.size >= MOVE_AT_BYTES) tryMove();
    else moveTimer ??= setTimeout(tryMove, MOVE_EVERY_MS).unref();
  };

  /** Writes a brief's last-edited time (the edit is safe in the journal whatever happens). */
  const touchNow = (briefId: string, at: string) => {
    try {
      touch.run(at, briefId);
    } catch (err) {
      log.error("writing a brief's last-edited time failed", { briefId, err: String(err) });
    }
  };

  /** The seq a brief's log ends at, read from the store (with the journal moved in first). */
  const storedLastSeq = (briefId: string): number => {
    moveJournal();
    if (!exists.get(briefId)) throw new Error(`no brief ${briefId}`);
    return (
      (maxLogSeq.get(briefId) as { seq: number | null }).seq ??
      (snapshotSeq.get(briefId) as { seq: number } | undefined)?.seq ??
      0
    );
  };

  const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
  /**
   * Journals a turn's updates in one write; a brief that cannot be written to fails only its
   * entry, a failed write fails them all.
   */
  const appendNow = (entries: AppendEntry[]): (number | Error)[] => {
    const logged: LoggedUpdate[] = [];
    const results = entries.map(({ briefId, updates }): number | Error => {
      let seq: number;
      try {
        seq = lastSeqs.get(briefId) ?? storedLastSeq(briefId);
      } catch (err) {
        return asError(err);
      }
      for (const update of updates) logged.push({ briefId, seq: ++seq, update });
      return seq;
    });
    if (logged.length === 0) return results;
    try {
      // A full journal (a mapped one keeps its size) is moved to make room; a batch bigger
      // than all of it goes into the log itself, after everything before it.
      if (!journal.append(logged)) {
        moveJournal();
        if (!journal.append(logged)) store(logged);
      }
    } catch (err) {
      return entries.map(() => asError(err));
    }
    entries.forEach(({ briefId }, i) => {
      const last = results[i];
      if (typeof last !== "number") return;
      lastSeqs.set(briefId, last);
      const editedAt = edits.edited(briefId);
      if (editedAt) touchNow(briefId, editedAt);
    });
    moveSoon();
    return results;
  };

  const compact = db.transaction(
    (briefId: string, { state, stateVector, doc }: DocSnapshot, upTo: number) => {
      upsertSnapshot.run(
        briefId,
        Buffer.from(state),
        Buffer.from(stateVector),
        upTo,
        JSON.stringify(doc),
      );
      dropUpTo.run(briefId, upTo);
    },
  );

  return {
    async load(briefId) {
      moveJournal();
      if (!exists.get(briefId)) return null;
      const snap = snapshot.get(briefId) as
        | { state: Buffer; state_vector: Buffer | null; seq: number }
        | undefined;
      const rows = updates.all(briefId) as { seq: number; update_data: Buffer }[];
      return {
        snapshot: snap ? new Uint8Array(snap.state) : null,
        snapshotStateVector: snap?.state_vector ? new Uint8Array(snap.state_vector) : null,
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
    moveJournal,
    async compact(briefId, snap, upToSeq) {
      lastSeqs.delete(briefId);
      compact(briefId, snap, upToSeq);
    },
    async derived(briefId) {
      const snap = derived.get(briefId) as { doc_json: string } | undefined;
      return snap ? (JSON.parse(snap.doc_json) as PMNode) : null;
    },
    async pending(briefId) {
      moveJournal();
      return (countPending.get(briefId) as { n: number }).n;
    },
  };
}
