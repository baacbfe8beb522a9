import type Database from "better-sqlite3";
import type { Share, ShareRepo, ShareRole } from "../auth-store.ts";

export interface ShareRow {
  id: string;
  brief_id: string;
  kind: "user" | "link";
  role: ShareRole;
  user_id: string | null;
  email: string | null;
  expires_at: string | null;
  created_by: string;
  created_at: string;
}

export const toShare = (r: ShareRow): Share => ({
  id: r.id,
  briefId: r.brief_id,
  kind: r.kind,
  role: r.role,
  userId: r.user_id,
  email: r.email,
  expiresAt: r.expires_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** Every column but the token hash, which never leaves the store. */
const COLUMNS = "id, brief_id, kind, role, user_id, email, expires_at, created_by, created_at";

export function sqliteShares(db: Database.Database): ShareRepo {
  const userShare = db.prepare(
    `SELECT ${COLUMNS} FROM shares WHERE kind = 'user' AND brief_id = ? AND email = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO shares (id, brief_id, kind, role, user_id, email, token_hash, expires_at,
       created_by, created_at)
     VALUES (@id, @brief_id, @kind, @role, @user_id, @email, @token_hash, @expires_at,
       @created_by, @created_at)`,
  );
  const setRole = db.prepare(
    "UPDATE shares SET role = ?, user_id = COALESCE(user_id, ?) WHERE id = ?",
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM shares WHERE id = ?`);
  const ofBrief = db.prepare(
    `SELECT ${COLUMNS} FROM shares WHERE brief_id = ? ORDER BY created_at, id`,
  );
  const ofUser = db.prepare(
    `SELECT ${COLUMNS} FROM shares WHERE kind = 'user' AND brief_id = ? AND user_id = ?`,
  );
  const byToken = db.prepare(
    `SELECT ${COLUMNS} FROM shares WHERE kind = 'link' AND token_hash = ?`,
  );
  const briefsOf = db.prepare(
    "SELECT brief_id, role FROM shares WHERE kind = 'user' AND user_id = ?",
  );
  const pending = db.prepare(
    "SELECT 1 FROM shares WHERE kind = 'user' AND email = ? AND user_id IS NULL LIMIT 1",
  );
  const claim = db.prepare(
    "UPDATE shares SET user_id = ? WHERE kind = 'user' AND email = ? AND user_id IS NULL",
  );
  const remove = db.prepare("DELETE FROM shares WHERE id = ?");

  const upsert = db.transaction(
    (s: Parameters<ShareRepo["upsertUserShare"]>[0]): { share: Share; created: boolean } => {
      const existing = userShare.get(s.briefId, s.email) as ShareRow | undefined;
      if (existing) {
        setRole.run(s.role, s.userId, existing.id);
        return { share: toShare(byId.get(existing.id) as ShareRow), created: false };
      }
      insert.run({
        id: s.id,
        brief_id: s.briefId,
        kind: "user",
        role: s.role,
        user_id: s.userId,
        email: s.email,
        token_hash: null,
        expires_at: null,
        created_by: s.createdBy,
        created_at: new Date().toISOString(),
      });
      return { share: toShare(byId.get(s.id) as ShareRow), created: true };
    },
  );

  return {
    async upsertUserShare(s) {
      return upsert(s);
    },
    async createLinkShare(s) {
      insert.run({
        id: s.id,
        brief_id: s.briefId,
        kind: "link",
        role: s.role,
        user_id: null,
        email: null,
        token_hash: s.tokenHash,
        expires_at: s.expiresAt,
        created_by: s.createdBy,
        created_at: new Date().toISOString(),
      });
      return toShare(byId.get(s.id) as ShareRow);
    },
    async get(id) {
      const row = byId.get(id) as ShareRow | undefined;
      return row ? toShare(row) : null;
    },
    async list(briefId) {
      return (ofBrief.all(briefId) as ShareRow[]).map(toShare);
    },
    async forUser(briefId, userId) {
      const row = ofUser.get(briefId, userId) as ShareRow | undefined;
      return row ? toShare(row) : null;
    },
    async byTokenHash(tokenHash) {
      const row = byToken.get(tokenHash) as ShareRow | undefined;
      return row ? toShare(row) : null;
    },
    async rolesForUser(userId) {
      const rows = briefsOf.all(userId) as { brief_id: string; role: ShareRole }[];
      return new Map(rows.map((r) => [r.brief_id, r.role]));
    },
    async hasPending(email) {
      return pending.get(email) !== undefined;
    },
    async claim(email, userId) {
      return claim.run(userId, email).changes;
    },
    async delete(id) {
      return remove.run(id).changes > 0;
    },
  };
}
