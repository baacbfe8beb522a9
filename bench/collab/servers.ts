import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type ServerKind = "briefroom" | "reference";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const REFERENCE_DIR = path.join(ROOT, "bench/reference");

/** A server under test, running in its own process so its CPU and memory can be read. */
export interface BenchServer {
  kind: ServerKind;
  pid: number;
  /** `serverUrl` for WebsocketProvider (plus `?token=…` credentials for Briefroom). */
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

/** Starts a server of `kind` on a free port and waits until it answers HTTP. */
export async function startBenchServer(
  kind: ServerKind,
  extraEnv: Record<string, string> = {},
): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "briefroom-bench-"));
  const env = { ...process.env, HOST: "127.0.0.1", PORT: String(port), ...extraEnv };
  const child =
    kind === "briefroom"
      ? spawn(process.execPath, [...profileArgs(), "--import", "tsx", "server/main.ts"], {
          cwd: ROOT,
          // warn: no per-request log lines; persistence is the default durable SQLite store.
          env: { ...env, DATA_DIR: dataDir, LOG_LEVEL: "warn", ...extraEnv },
          stdio: ["ignore", "inherit", "pipe"],
        })
      : spawn(process.execPath, [...profileArgs(), "server.mjs"], {
          cwd: REFERENCE_DIR,
          env,
          stdio: ["ignore", "ignore", "pipe"],
        });
  const stderr: string[] = [];
  child.stderr!.on("data", (b: Buffer) => {
    const text = b.toString();
    stderr.push(text);
    if (stderr.length > 50) stderr.shift();
    if (/"level":"(warn|error)"|Error/.test(text)) process.stderr.write(`[${kind}] ${text}`);
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(base, child, () => stderr.join(""));
  const token = kind === "briefroom" ? await signUp(base) : null;
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return {
    kind,
    pid: child.pid!,
    wsUrl: `ws://127.0.0.1:${port}/collab${token ? `?token=${token}` : ""}`,
    async createRooms(n) {
      if (kind === "reference") {
        const tag = Math.random().toString(36).slice(2, 8);
        return Array.from({ length: n }, (_, i) => `bench-${tag}-${i}`);
      }
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const res = await fetch(`${base}/api/briefs`, {
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
    async stop() {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates the bench's account (the first, so an admin) and returns its bearer token. */
async function signUp(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: "bench@example.org",
      password: "bench-password-42",
      name: "Bench",
    }),
  });
  if (res.status !== 201 && res.status !== 200) {
    throw new Error(`signing up: ${res.status} ${await res.text()}`);
  }
  return ((await res.json()) as { token: string }).token;
}

/** BENCH_PROFILE_SERVER=1: each server writes a CPU profile to bench/out/ when it stops. */
function profileArgs(): string[] {
  return process.env.BENCH_PROFILE_SERVER
    ? ["--cpu-prof", `--cpu-prof-dir=${path.join(ROOT, "bench/out")}`]
    : [];
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
