import type pg from "pg";
import type { User, UserRepo } from "../auth-store.ts";
import { transaction } from "./open.ts";

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
  isAdmin: Number(r.is_admin) === 1,
  createdAt: r.created_at,
});

export function pgUsers(pool: pg.Pool): UserRepo {
  return {
    async create(u) {
      return transaction(pool, async (client) => {
        // Serialises sign-ups so exactly one of two racing first sign-ups becomes admin.
        await client.query("SELECT pg_advisory_xact_lock(hashtext('briefroom-users'))");
        const { rows } = await client.query<Row>(
          `INSERT INTO users (id, email, name, password_hash, is_admin, created_at)
           SELECT $1, $2, $3, $4, CASE WHEN EXISTS (SELECT 1 FROM users) THEN 0 ELSE 1 END, $5
           ON CONFLICT (email) DO NOTHING
           RETURNING *`,
          [u.id, u.email, u.name, u.passwordHash, new Date().toISOString()],
        );
        return rows[0] ? toUser(rows[0]) : null;
      });
    },
    async get(id) {
      const { rows } = await pool.query<Row>("SELECT * FROM users WHERE id = $1", [id]);
      return rows[0] ? toUser(rows[0]) : null;
    },
    async byEmail(email) {
      const { rows } = await pool.query<Row>("SELECT * FROM users WHERE email = $1", [email]);
      return rows[0] ? { user: toUser(rows[0]), passwordHash: rows[0].password_hash } : null;
    },
    async setPassword(userId, passwordHash) {
      await pool.query("UPDATE users SET password_hash = $1 WHERE id = $2", [passwordHash, userId]);
    },
    async count() {
      const { rows } = await pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM users");
      return Number(rows[0]?.n ?? 0);
    },
  };
}
