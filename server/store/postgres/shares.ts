import type pg from "pg";
import type { ShareRepo, ShareRole } from "../auth-store.ts";
import { type ShareRow, toShare } from "../sqlite/shares.ts";

/** Every column but the token hash, which never leaves the store. */
const COLUMNS = "id, brief_id, kind, role, user_id, email, expires_at, created_by, created_at";

export function pgShares(pool: pg.Pool): ShareRepo {
  const one = async (sql: string, params: unknown[]) =>
    (await pool.query<ShareRow>(sql, params)).rows[0];

  return {
    async upsertUserShare(s) {
      // xmax = 0 only for a freshly inserted row: tells "created" from "role changed".
      const { rows } = await pool.query<ShareRow & { inserted: boolean }>(
        `INSERT INTO shares (id, brief_id, kind, role, user_id, email, created_by, created_at)
         VALUES ($1, $2, 'user', $3, $4, $5, $6, $7)
         ON CONFLICT (brief_id, email) WHERE kind = 'user'
         DO UPDATE SET role = excluded.role, user_id = COALESCE(shares.user_id, excluded.user_id)
         RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
        [s.id, s.briefId, s.role, s.userId, s.email, s.createdBy, new Date().toISOString()],
      );
      const row = rows[0]!;
      return { share: toShare(row), created: row.inserted };
    },
    async createLinkShare(s) {
      const row = await one(
        `INSERT INTO shares (id, brief_id, kind, role, token_hash, expires_at, created_by, created_at)
         VALUES ($1, $2, 'link', $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [s.id, s.briefId, s.role, s.tokenHash, s.expiresAt, s.createdBy, new Date().toISOString()],
      );
      return toShare(row!);
    },
    async get(id) {
      const row = await one(`SELECT ${COLUMNS} FROM shares WHERE id = $1`, [id]);
      return row ? toShare(row) : null;
    },
    async list(briefId) {
      const { rows } = await pool.query<ShareRow>(
        `SELECT ${COLUMNS} FROM shares WHERE brief_id = $1 ORDER BY created_at, id`,
        [briefId],
      );
      return rows.map(toShare);
    },
    async forUser(briefId, userId) {
      const row = await one(
        `SELECT ${COLUMNS} FROM shares WHERE kind = 'user' AND brief_id = $1 AND user_id = $2`,
        [briefId, userId],
      );
      return row ? toShare(row) : null;
    },
    async byTokenHash(tokenHash) {
      const row = await one(
        `SELECT ${COLUMNS} FROM shares WHERE kind = 'link' AND token_hash = $1`,
        [tokenHash],
      );
      return row ? toShare(row) : null;
    },
    async rolesForUser(userId) {
      const { rows } = await pool.query<{ brief_id: string; role: ShareRole }>(
        "SELECT brief_id, role FROM shares WHERE kind = 'user' AND user_id = $1",
        [userId],
      );
      return new Map(rows.map((r) => [r.brief_id, r.role]));
    },
    async hasPending(email) {
      const { rowCount } = await pool.query(
        "SELECT 1 FROM shares WHERE kind = 'user' AND email = $1 AND user_id IS NULL LIMIT 1",
        [email],
      );
      return (rowCount ?? 0) > 0;
    },
    async claim(email, userId) {
      const res = await pool.query(
        "UPDATE shares SET user_id = $1 WHERE kind = 'user' AND email = $2 AND user_id IS NULL",
        [userId, email],
      );
      return res.rowCount ?? 0;
    },
    async delete(id) {
      const res = await pool.query("DELETE FROM shares WHERE id = $1", [id]);
      return (res.rowCount ?? 0) > 0;
    },
  };
}
