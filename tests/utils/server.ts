import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readEnv } from "../../server/env.ts";
import { createLogger, silentLogger } from "../../server/logger.ts";
import { type RunningServer, startServer } from "../../server/server.ts";
import { bearer, defaultToken, setDefaultToken, signInTestAdmin } from "./auth.ts";

export interface TestServer extends RunningServer {
  dataDir: string;
  wsUrl: string;
  /** The test admin's session token; null when started with `{ account: false }`. */
  token: string | null;
  /** JSON request against the API, as the test admin; returns status and parsed body. */
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
}

/**
 * Starts a real server on port 0 with its own SQLite data dir (kept when `dataDir` is given),
 * signed in as the test admin (the first account) unless `account: false`: `api`, clients
 * and raw sockets then use the admin's token by default.
 */
export async function startTestServer(
  overrides: Record<string, string> = {},
  opts: { dataDir?: string; account?: boolean } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), "briefroom-test-"));
  const env = readEnv({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, ...overrides });
  const log = process.env.TEST_LOG ? createLogger("debug") : silentLogger;
  const server = await startServer(env, log);
  const token = opts.account === false ? null : (await signInTestAdmin(server)).token;
  return {
    ...server,
    close: async () => {
      setDefaultToken(server.url, null);
      await server.close();
    },
    token,
    dataDir,
    wsUrl: `${server.url.replace("http", "ws")}/collab`,
    api: (method, p, body) => request(server.url, method, p, body),
  };
}

export async function request<T>(
  base: string,
  method: string,
  p: string,
  body?: unknown,
  token = defaultToken(base),
): Promise<{ status: number; body: T }> {
  const res = await fetch(base + p, {
    method,
    headers: {
      ...(token ? bearer(token) : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Removes a temp data dir made by `startTestServer`. */
export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
