import type pg from "pg";
import { EditTimes } from "../edit-times.ts";
import { migrations } from "../migrations.ts";
import type { Store } from "../store.ts";
import { pgArticles } from "./articles.ts";
import { pgAudit } from "./audit.ts";
import { pgBriefs } from "./briefs.ts";
import { pgDocs } from "./docs.ts";
import { pgSessions } from "./sessions.ts";
import { pgShares } from "./shares.ts";
import { pgTemplates } from "./templates.ts";
import { pgUsers } from "./users.ts";

export interface PostgresOptions {
  /** Keep every table in this schema (created if missing); tests use one each. */
  schema?: string;
  max?: number;
}

/** Connects to Postgres, applies pending migrations, and returns the store. */
export async function openPostgresStore(url: string, opts: PostgresOptions = {}): Promise<Store> {
  const schema = opts.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  // Loaded only when Postgres is configured: the SQLite store never needs it.
  const { default: pgDriver } = await import("pg");
  const pool = new pgDriver.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await migrate(pool);
  // Several instances keep their own: an instance never writes an older time over a newer one.
  const edits = new EditTimes(async (times) => {
    await pool.query(
      `UPDATE briefs SET updated_at = GREATEST(briefs.updated_at, v.at)
       FROM unnest($1::text[], $2::text[]) AS v(id, at) WHERE briefs.id = v.id`,
      [times.map(([id]) => id), times.map(([, at]) => at)],
    );
  });
  return {
    kind: "postgres",
    briefs: pgBriefs(pool),
    docs: pgDocs(pool, edits),
    articles: pgArticles(pool),
    templates: pgTemplates(pool),
    users: pgUsers(pool),
    sessions: pgSessions(pool),
    shares: pgShares(pool),
    audit: pgAudit(pool),
    async close() {
      await edits.flush().catch(() => {
        // The database is gone: the last edit times go with it.
      });
      await pool.end();
    },
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // One instance migrates at a time; the others wait and then find nothing to do.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('briefroom-migrations'))");
    await client.query(
      "CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
    );
    const done = new Set(
      (await client.query("SELECT id FROM migrations")).rows.map((r) => r.id as number),
    );
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      if (m.postgres) await client.query(m.postgres);
      await client.query("INSERT INTO migrations (id, name) VALUES ($1, $2)", [m.id, m.name]);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
}

/** Runs `fn` in a transaction on one pooled client; `mode` as `BEGIN` takes it. */
export async function transaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  mode = "",
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(mode ? `BEGIN ${mode}` : "BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
