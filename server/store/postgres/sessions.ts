import type pg from "pg";
import type { SessionRepo } from "../auth-store.ts";
import { toUser } from "./users.ts";

export function pgSessions(pool: pg.Pool): SessionRepo {
  return {
    async create(s) {
      await pool.query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        [s.tokenHash, s.userId, new Date().toISOString(), s.expiresAt],
      );
    },
    async find(tokenHash, now) {
      const { rows } = await pool.query<Parameters<typeof toUser>[0] & { expires_at: string }>(
        `SELECT u.id, u.email, u.name, u.is_admin, u.created_at, s.expires_at FROM sessions s
         JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2`,
        [tokenHash, now],
      );
      return rows[0] ? { user: toUser(rows[0]), expiresAt: rows[0].expires_at } : null;
    },
    async delete(tokenHash) {
      await pool.query("DELETE FROM sessions WHERE token_hash = $1", [tokenHash]);
    },
    async deleteOthers(userId, keep) {
      const { rows } = await pool.query<{ token_hash: string }>(
        "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2 RETURNING token_hash",
        [userId, keep],
      );
      return rows.map((r) => r.token_hash);
    },
    async deleteExpired(now) {
      const res = await pool.query("DELETE FROM sessions WHERE expires_at <= $1", [now]);
      return res.rowCount ?? 0;
    },
  };
}
