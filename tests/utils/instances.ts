import { startTestServer, type TestServer } from "./server.ts";
import { freshSchema, REDIS_URL } from "./shared-services.ts";

/**
 * Starts `n` in-process instances sharing one fresh Postgres schema and Redis. `cleanup`
 * collects what to undo after the test.
 */
export async function startInstances(
  n: number,
  cleanup: (fn: () => Promise<void>) => void,
): Promise<{ servers: TestServer[]; dbUrl: string }> {
  const db = await freshSchema();
  cleanup(db.drop);
  const servers: TestServer[] = [];
  for (let i = 0; i < n; i++) {
    const s = await startTestServer({ DATABASE_URL: db.url, REDIS_URL: REDIS_URL! });
    servers.push(s);
    cleanup(() => s.close());
  }
  return { servers, dbUrl: db.url };
}
