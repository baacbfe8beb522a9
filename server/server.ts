import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { firstRunHint } from "./auth/first-run.ts";
import { initialDocFactory } from "./briefs/initial-doc-factory.ts";
import { readMeta } from "./collab/meta.ts";
import { connectRedisFanout } from "./collab/redis-fanout.ts";
import { RoomManager } from "./collab/rooms.ts";
import type { Env } from "./env.ts";
import { TEMPLATES_DIR } from "./export/load-template-file.ts";
import { loadSeedsOnFirstStart } from "./ingest/seed-store.ts";
import type { Logger } from "./logger.ts";
import { openStore } from "./store/open.ts";
import { lockDataDir } from "./store/sqlite/data-dir-lock.ts";
import { TemplateRegistry } from "./templates/registry.ts";
import { closeWorkerPool } from "./workers/pool.ts";

export interface RunningServer {
  url: string;
  port: number;
  /** Flushes every room, closes sockets, the HTTP server and the store. */
  close(): Promise<void>;
}

/** Opens the store, builds the app and listens. Used by `main.ts` and by the tests. */
export async function startServer(env: Env, log: Logger): Promise<RunningServer> {
  // On SQLite the data directory is this server's alone (Postgres serves several instances).
  const unlock = env.DATABASE_URL ? () => {} : lockDataDir(env.DATA_DIR);
  const store = await openStore(env, log).catch((err: unknown) => {
    unlock();
    throw err;
  });
  const fanout = env.REDIS_URL ? await connectRedisFanout(env.REDIS_URL, log) : undefined;
  const rooms = new RoomManager({
    ...(fanout ? { fanout } : {}),
    docs: store.docs,
    log,
    compactEvery: env.COMPACT_EVERY,
    idleMs: env.ROOM_IDLE_MS,
    presenceIntervalMs: env.PRESENCE_INTERVAL_MS,
    onMetaChange: (room) => {
      // Loading a room replays its stored meta; write only real changes, so that opening a
      // brief (read-only, even) leaves its row, and its updated_at, untouched.
      const meta = readMeta(room.doc);
      store.briefs
        .get(room.briefId)
        .then((row) => {
          const same =
            row?.title === meta.title &&
            row.templateId === meta.templateId &&
            JSON.stringify(row.fields) === JSON.stringify(meta.fields);
          return row && !same ? store.briefs.updateMeta(room.briefId, meta) : undefined;
        })
        .catch((err: unknown) => log.error("saving brief metadata failed", { err: String(err) }));
    },
  });
  const registry = await TemplateRegistry.load(TEMPLATES_DIR, store, log);
  await loadSeedsOnFirstStart(store, log);
  fanout?.onControl((msg) => rooms.handleControl(msg));
  fanout?.onReconnect(() => {
    log.warn("fan-out reconnected; catching rooms up from the store");
    void rooms.catchUp();
  });
  const { app, injectWebSocket, wss } = createApp({
    env,
    store,
    rooms,
    log,
    registry,
    initialDoc: initialDocFactory({ registry, articles: store.articles }),
  });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
  injectWebSocket(server);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
  log.info("listening", {
    url: `http://${host}:${port}`,
    port,
    dataDir: env.DATABASE_URL ? undefined : env.DATA_DIR,
    store: store.kind,
    fanout: fanout ? "redis" : "none",
  });
  await firstRunHint(store, `http://${host}:${port}`, log);

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        await rooms.shutdown();
        for (const client of wss.clients) client.terminate();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await closeWorkerPool();
        await fanout?.close();
        await store.close();
        unlock();
      })();
      return closing;
    },
  };
}
