import type { Env } from "../env.ts";
import { type Logger, silentLogger } from "../logger.ts";
import { openSqliteStore } from "./sqlite/open.ts";
import type { Store } from "./store.ts";

/** Opens the configured store: Postgres with `DATABASE_URL`, else SQLite in `DATA_DIR`. */
export async function openStore(
  env: Pick<Env, "DATA_DIR" | "DATABASE_URL">,
  log: Logger = silentLogger,
): Promise<Store> {
  if (env.DATABASE_URL) {
    const { openPostgresStore } = await import("./postgres/open.ts");
    return openPostgresStore(env.DATABASE_URL);
  }
  return openSqliteStore(env.DATA_DIR, log);
}
