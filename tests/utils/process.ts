import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { signInTestAdmin } from "./auth.ts";
import { request } from "./server.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The server running in its own process, bundled as `npm start` runs it. */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  wsUrl: string;
  /** The JSON log lines written so far, parsed. */
  logs: Record<string, unknown>[];
  exited: Promise<Exit>;
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<Exit>;
}

const running = new Set<ChildProcess>();

/**
 * Spawns the real server on `port` (0: any free port) with its data in `dataDir`, and
 * resolves once it logs that it is listening, with the port it reported. Signs in as the
 * test admin (signing it up on a fresh data dir) unless `account: false`.
 */
export async function spawnServer(opts: {
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
  account?: boolean;
}): Promise<ServerProcess> {
  // CI exports DATABASE_URL and REDIS_URL for the scale-out suites; a spawned server uses
  // them only when a test passes them, so by default it runs on SQLite in `dataDir`.
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn(process.execPath, ["scripts/run-bundled.mjs", "server"], {
    cwd: ROOT,
    env: {
      ...inherited,
      PORT: String(opts.port ?? 0),
      HOST: "127.0.0.1",
      DATA_DIR: opts.dataDir,
      LOG_LEVEL: "info",
      ...opts.env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  running.add(child);
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const logs: Record<string, unknown>[] = [];
  const listeners = new Set<() => void>();
  let pending = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      // Not every line is ours (e.g. serveStatic's warning when dist/ is absent).
      if (!line.startsWith("{")) continue;
      logs.push(JSON.parse(line) as Record<string, unknown>);
      for (const l of listeners) l();
    }
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error("server did not start in time")),
      opts.timeoutMs ?? 15_000,
    );
    const check = () => {
      const line = logs.find((l) => l.msg === "listening");
      if (line) done(null, line.port as number);
    };
    const done = (err: Error | null, value?: number) => {
      clearTimeout(timer);
      listeners.delete(check);
      if (err) reject(err);
      else resolve(value!);
    };
    listeners.add(check);
    void exited.then((e) => {
      // What it logged last says why (e.g. "could not start": its data dir is in use).
      const last = logs.at(-1);
      const why = last ? `: ${String(last.msg)}${last.err ? `: ${String(last.err)}` : ""}` : "";
      done(new Error(`server exited before listening (${e.code ?? e.signal})${why}`));
    });
  });

  const url = `http://127.0.0.1:${port}`;
  if (opts.account !== false) await signInTestAdmin({ url });
  return {
    child,
    port,
    url,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    logs,
    exited,
    api: (method, p, body) => request(url, method, p, body),
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Kills (SIGKILL) any server this module spawned that is still running; for `afterEach`. */
export async function killSpawnedServers(): Promise<void> {
  const waits = [...running].map(
    (child) =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  );
  await Promise.all(waits);
}
