import { randomBytes } from "node:crypto";
import pg from "pg";

/** Why the `briefroom-pg<n>` kinds cannot run here, or null when they can. */
export function sharedServicesMissing(): string | null {
  if (process.env.DATABASE_URL && process.env.REDIS_URL) return null;
  return "several instances need DATABASE_URL (postgres://…) and REDIS_URL (redis://…)";
}

/**
 * A fresh Postgres schema for one run, and a connection URL whose sessions use it, so the
 * instances of a run share one database and no run sees another's rows.
 */
export async function freshSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL!;
  const schema = `bench_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => admin(`DROP SCHEMA ${schema} CASCADE`) };
}
