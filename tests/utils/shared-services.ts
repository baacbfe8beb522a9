import { randomBytes } from "node:crypto";
import pg from "pg";

/** Postgres and Redis for the scale-out tests, from the environment (`.ci/run` sets both). */
export const DATABASE_URL = process.env.DATABASE_URL;
export const REDIS_URL = process.env.REDIS_URL;
export const haveSharedServices = Boolean(DATABASE_URL && REDIS_URL);
export const sharedServicesReason =
  "needs DATABASE_URL (postgres://…) and REDIS_URL (redis://…); .ci/run sets them";

/**
 * A fresh Postgres schema, and a connection URL whose sessions use it, so each test's
 * instances share one database without seeing other tests' rows.
 */
export async function freshSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(DATABASE_URL!);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
