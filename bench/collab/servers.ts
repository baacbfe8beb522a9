import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freshSchema } from "./shared-services.ts";

/**
 * `briefroom`: one instance on SQLite, as shipped. `briefroom-pg<n>`: n instances sharing a
 * fresh Postgres schema and Redis (DATABASE_URL, REDIS_URL), clients dealt across them.
 * `baseline`: Briefroom as `briefroom` runs it, from another checkout (BENCH_BASELINE_ROOT),
 * to measure a change against the code before it in one run.
 */
export type ServerKind = "briefroom" | "baseline" | "reference" | `briefroom-pg${number}`;

/** How many instances a kind runs, and whether they share Postgres + Redis; null: unknown kind. */
export function parseKind(kind: string): { instances: number; shared: boolean } | null {
  if (kind === "briefroom" || kind === "reference") return { instances: 1, shared: false };
  if (kind === "baseline")
    return process.env.BENCH_BASELINE_ROOT ? { instances: 1, shared: false } : null;
  const n = /^briefroom-pg([1-9]\d*)$/.exec(kind)?.[1];
  return n ? { instances: Number(n), shared: true } : null;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const REFERENCE_DIR = path.join(ROOT, "bench/reference");

/** A server under test, each instance in its own process so its CPU and memory can be read. */
export interface BenchServer {
  kind: ServerKind;
  /** One per instance. */
  pids: number[];
  /**
   * `serverUrl` for WebsocketProvider (plus `?token=…` credentials for Briefroom), one per
   * instance: the clients of a room are dealt across them in turn, as a load balancer would.
   */
  wsUrls: string[];
  /** The first instance's: all there is of a single-instance server. */
  pid: number;
  wsUrl: string;
  /** Makes `n` rooms the clients may join (Briefroom: real briefs via the API). */
  createRooms(n: number): Promise<string[]>;
  stop(): Promise<void>;
}

/** Installs the reference server's own dependencies once (never mixed with the app's). */
export function ensureReferenceInstalled(log: (s: string) => void): void {
  if (existsSync(path.join(REFERENCE_DIR, "node_modules/@y/websocket-server"))) return;
  log("installing bench/reference dependencies (npm ci)…");
  execFileSync("npm", ["ci", "--prefix", REFERENCE_DIR, "--no-audit", "--no-fund"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Starts a server of `kind` (each instance on a free port) and waits until it answers HTTP. */
export async function startBenchServer(
  kind: ServerKind,
  extraEnv: Record<string, string> = {},
): Promise<BenchServer> {
  const { instances, shared } = parseKind(kind)!;
  const schema = shared ? await freshSchema() : null;
  // A plain `briefroom` runs on SQLite even when the shell exports DATABASE_URL for the others.
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...inherited } = process.env;
  const env = {
    ...inherited,
    HOST: "127.0.0.1",
    ...(schema ? { DATABASE_URL: schema.url, REDIS_URL: process.env.REDIS_URL! } : {}),
    ...extraEnv,
  };
  const all: Instance[] = [];
  const stopAll = async () => {
    await Promise.all(all.map((i) => stopChild(i.child)));
    await schema?.drop();
    for (const i of all) rmSync(i.dataDir, { recursive: true, force: true });
  };
  let token: string | null = null;
  try {
    // One at a time: the first migrates the schema.
    for (let n = 0; n < instances; n++) all.push(await startInstance(kind, env));
    if (kind !== "reference") token = await signUp(all[0]!.base);
  } catch (err) {
    await stopAll();
    throw err;
  }
  const first = all[0]!;
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const pids = all.map((i) => i.child.pid!);
  const wsUrls = all.map(
    (i) => `${i.base.replace("http", "ws")}/collab${token ? `?token=${token}` : ""}`,
  );
  return {
    kind,
    pids,
    wsUrls,
    pid: pids[0]!,
    wsUrl: wsUrls[0]!,
    async createRooms(n) {
      if (kind === "reference") {
        const tag = Math.random().toString(36).slice(2, 8);
        return Array.from({ length: n }, (_, i) => `bench-${tag}-${i}`);
      }
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const res = await fetch(`${first.base}/api/briefs`, {
          method: "POST",
          headers: { "content-type": "application/json", ...auth },
          body: JSON.stringify({ title: `Bench brief ${i}` }),
        });
        if (res.status !== 201)
          throw new Error(`creating a brief: ${res.status} ${await res.text()}`);
        ids.push(((await res.json()) as { id: string }).id);
      }
      return ids;
    },
    stop: stopAll,
  };
}

interface Instance {
  child: ChildProcess;
  base: string;
  dataDir: string;
}

async function startInstance(kind: ServerKind, env: NodeJS.ProcessEnv): Promise<Instance> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "briefroom-bench-"));
  const out = traceOut(kind);
  const child =
    kind === "reference"
      ? spawn(process.execPath, [...profileArgs(), "server.mjs"], {
          cwd: REFERENCE_DIR,
          env: { ...env, PORT: String(port), DATA_DIR: dataDir },
          stdio: ["ignore", out ?? "ignore", "pipe"],
        })
      : spawn(process.execPath, [...profileArgs(), "scripts/run-bundled.mjs", "server"], {
          cwd: kind === "baseline" ? process.env.BENCH_BASELINE_ROOT : ROOT,
          // warn: no per-request log lines; persistence is the default durable store.
          env: { ...env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" },
          stdio: ["ignore", out ?? "inherit", "pipe"],
        });
  if (out !== undefined) closeSync(out);
  const stderr: string[] = [];
  child.stderr!.on("data", (b: Buffer) => {
    const text = b.toString();
    stderr.push(text);
    if (stderr.length > 50) stderr.shift();
    if (/"level":"(warn|error)"|Error/.test(text)) process.stderr.write(`[${kind}] ${text}`);
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(base, child, () => stderr.join(""));
  } catch (err) {
    child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return { child, base, dataDir };
}

/** Creates the bench's account (the first, so an admin) and returns its bearer token. */
async function signUp(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: "bench@example.org",
      password: "steady-typing-1984",
      name: "Bench",
    }),
  });
  if (res.status !== 201 && res.status !== 200) {
    throw new Error(`signing up: ${res.status} ${await res.text()}`);
  }
  return ((await res.json()) as { token: string }).token;
}

/**
 * BENCH_PROFILE_SERVER=1: each server writes a CPU profile to bench/out/ when it stops.
 * BENCH_SERVER_FLAGS: more Node flags for the servers (`--trace-gc`, say); what they print
 * goes to bench/out/<kind>-<time>.log rather than to the bench's own output.
 */
function profileArgs(): string[] {
  return [
    ...(process.env.BENCH_PROFILE_SERVER
      ? ["--cpu-prof", `--cpu-prof-dir=${path.join(ROOT, "bench/out")}`]
      : []),
    ...(process.env.BENCH_SERVER_FLAGS?.split(/\s+/).filter(Boolean) ?? []),
  ];
}

/** Where a server's stdout goes while BENCH_SERVER_FLAGS is set. */
function traceOut(kind: ServerKind): number | undefined {
  if (!process.env.BENCH_SERVER_FLAGS) return undefined;
  const dir = path.join(ROOT, "bench/out");
  mkdirSync(dir, { recursive: true });
  return openSync(path.join(dir, `${kind}-${Date.now()}.log`), "w");
}

async function waitForHttp(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${base}/healthz`);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start in time:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
