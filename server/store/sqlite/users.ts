import type Database from "better-sqlite3";
import type { User, UserRepo } from "../auth-store.ts";

interface Row {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
}

export const toUser = (r: Omit<Row, "password_hash">): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  isAdmin: r.is_admin === 1,
  createdAt: r.created_at,
});

export function sqliteUsers(db: Database.Database): UserRepo {
  // The admin flag is decided inside the INSERT: SQLite runs it atomically.
  const insert = db.prepare(
    `INSERT INTO users (id, email, name, password_hash, is_admin, created_at)
     SELECT ?, ?, ?, ?, CASE WHEN EXISTS (SELECT 1 FROM users) THEN 0 ELSE 1 END, ?
     WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = ?)`,
  );
  const byId = db.prepare("SELECT * FROM users WHERE id = ?");
  const byEmail = db.prepare("SELECT * FROM users WHERE email = ?");
  const count = db.prepare("SELECT COUNT(*) AS n FROM users");
  const setHash = db.prepare("UPDATE users SET password_hash = ? WHERE id = ?");

  return {
    async create(u) {
      const now = new Date().toISOString();
      if (insert.run(u.id, u.email, u.name, u.passwordHash, now, u.email).changes === 0)
        return null;
      return toUser(byId.get(u.id) as Row);
    },
    async get(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? toUser(row) : null;
    },
    async byEmail(email) {
      const row = byEmail.get(email) as Row | undefined;
      return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
    },
    async count() {
      return (count.get() as { n: number }).n;
    },
    async setPassword(userId, passwordHash) {
      setHash.run(passwordHash, userId);
    },
  };
}
