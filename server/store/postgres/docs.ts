import type pg from "pg";
import type { PMNode } from "../../schema/brief.ts";
import type { EditTimes } from "../edit-times.ts";
import type { DocRepo } from "../store.ts";
import { transaction } from "./open.ts";

/**
 * Appends and compactions of one brief take a transaction-scoped advisory lock, so that
 * sequence numbers are assigned and committed in order even with several instances writing.
 */
const lockBrief = (client: pg.PoolClient, briefId: string) =>
  client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`brief:${briefId}`]);

export function pgDocs(pool: pg.Pool, edits: EditTimes): DocRepo {
  return {
    async load(briefId) {
      // One snapshot of the database for all three reads: another instance compacting in
      // between would otherwise leave an older snapshot beside a log that no longer has the
      // updates the newer one took in.
      return transaction(
        pool,
        async (client) => {
          const exists = await client.query("SELECT 1 FROM briefs WHERE id = $1", [briefId]);
          if (exists.rowCount === 0) return null;
          const snap = await client.query<{
            state: Buffer;
            state_vector: Buffer | null;
            seq: string;
          }>("SELECT state, state_vector, seq FROM doc_snapshots WHERE brief_id = $1", [briefId]);
          const ups = await client.query<{ seq: string; update_data: Buffer }>(
            "SELECT seq, update_data FROM doc_updates WHERE brief_id = $1 ORDER BY seq",
            [briefId],
          );
          const s = snap.rows[0];
          return {
            snapshot: s ? new Uint8Array(s.state) : null,
            snapshotStateVector: s?.state_vector ? new Uint8Array(s.state_vector) : null,
            updates: ups.rows.map((r) => new Uint8Array(r.update_data)),
            lastSeq: Number(ups.rows.at(-1)?.seq ?? s?.seq ?? 0),
          };
        },
        "ISOLATION LEVEL REPEATABLE READ, READ ONLY",
      );
    },
    async append(briefId, batch) {
      return transaction(pool, async (client) => {
        await lockBrief(client, briefId);
        const { rows } = await client.query<{ seq: string | null }>(
          `SELECT GREATEST((SELECT MAX(seq) FROM doc_updates WHERE brief_id = $1),
                           (SELECT seq FROM doc_snapshots WHERE brief_id = $1)) AS seq`,
          [briefId],
        );
        const first = Number(rows[0]?.seq ?? 0) + 1;
        await client.query(
          `INSERT INTO doc_updates (brief_id, seq, update_data)
           SELECT $1, $2::bigint + i - 1, u FROM unnest($3::bytea[]) WITH ORDINALITY AS t(u, i)`,
          [briefId, first, batch.map((u) => Buffer.from(u))],
        );
        const editedAt = edits.edited(briefId);
        if (editedAt)
          await client.query(
            "UPDATE briefs SET updated_at = GREATEST(updated_at, $1) WHERE id = $2",
            [editedAt, briefId],
          );
        return first + batch.length - 1;
      });
    },
    async compact(briefId, { state, stateVector, doc }, upToSeq) {
      await transaction(pool, async (client) => {
        await lockBrief(client, briefId);
        // Never over a newer snapshot: another instance that loaded the log later may have
        // compacted first, and the updates its snapshot replaced are gone from the log.
        await client.query(
          `INSERT INTO doc_snapshots (brief_id, state, state_vector, seq, doc_json)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (brief_id) DO UPDATE SET state = excluded.state,
             state_vector = excluded.state_vector, seq = excluded.seq, doc_json = excluded.doc_json
           WHERE doc_snapshots.seq < excluded.seq`,
          [briefId, Buffer.from(state), Buffer.from(stateVector), upToSeq, JSON.stringify(doc)],
        );
        await client.query("DELETE FROM doc_updates WHERE brief_id = $1 AND seq <= $2", [
          briefId,
          upToSeq,
        ]);
      });
    },
    async derived(briefId) {
      const { rows } = await pool.query<{ doc_json: string }>(
        "SELECT doc_json FROM doc_snapshots WHERE brief_id = $1",
        [briefId],
      );
      return rows[0] ? (JSON.parse(rows[0].doc_json) as PMNode) : null;
    },
    async pending(briefId) {
      const { rows } = await pool.query<{ n: string }>(
        "SELECT COUNT(*) AS n FROM doc_updates WHERE brief_id = $1",
        [briefId],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
