import type Database from "better-sqlite3";
import type { SessionRepo } from "../auth-store.ts";
import { toUser } from "./users.ts";

export function sqliteSessions(db: Database.Database): SessionRepo {
  const insert = db.prepare(
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
  );
  const userOf = db.prepare(
    `SELECT u.id, u.email, u.name, u.is_admin, u.created_at, s.expires_at FROM sessions s
     JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?`,
  );
  const remove = db.prepare("DELETE FROM sessions WHERE token_hash = ?");
  const removeExpired = db.prepare("DELETE FROM sessions WHERE expires_at <= ?");
  const removeOthers = db.prepare(
    "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ? RETURNING token_hash",
  );

  return {
    async create(s) {
      insert.run(s.tokenHash, s.userId, new Date().toISOString(), s.expiresAt);
    },
    async find(tokenHash, now) {
      const row = userOf.get(tokenHash, now) as
        | (Parameters<typeof toUser>[0] & { expires_at: string })
        | undefined;
      return row ? { user: toUser(row), expiresAt: row.expires_at } : null;
    },
    async delete(tokenHash) {
      remove.run(tokenHash);
    },
    async deleteOthers(userId, keep) {
      return (removeOthers.all(userId, keep) as { token_hash: string }[]).map((r) => r.token_hash);
    },
    async deleteExpired(now) {
      return removeExpired.run(now).changes;
    },
  };
}
