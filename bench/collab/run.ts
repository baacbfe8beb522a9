/**
 * `npm run bench:collab`: Briefroom's collaboration server against the reference y-websocket
 * server, scenario by scenario, with the same clients, on the same machine, in the same run.
 * One JSON object on stdout (also saved under bench/out/); progress and a summary on stderr.
 *
 *   --duration <s>    typing time per load scenario (default 20)
 *   --only <a,b>      scenarios to run: room50, rooms200, stress, storm, bigbrief
 *   --servers <a,b>   briefroom, reference (default both), briefroom-pg<n> (n instances on
 *                     Postgres + Redis; needs DATABASE_URL and REDIS_URL)
 *   --instances <n>   shorthand for --servers briefroom-pg1,briefroom-pg<n>: cross-instance
 *                     latency beside one instance on the same Postgres + Redis. The clients
 *                     of a room are dealt across the instances in turn; `cross` holds the
 *                     latencies of edits seen on another instance than the one typed on.
 *                     Server CPU and peak RSS add up the instances; Postgres and Redis
 *                     count under otherCpuSeconds.
 *   --workers <n>     client processes (default 1); a room always stays in one worker
 *   --drain <s>       how long to wait for late edits after typing stops (default 30)
 *   --rounds <n>      run each server n times per scenario, alternating (default 1); the
 *                     headline is the median of the rounds, figure by figure (the machines
 *                     are noisy); every round is kept under `rounds`
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  cpuSeconds,
  machineBusySeconds,
  peakRssMB,
  rssMB,
  settled,
  syscalls,
  threadCpuSeconds,
} from "./proc.ts";
import { rpcClient } from "./rpc.ts";
import {
  type BigBriefScenario,
  type LoadScenario,
  SCENARIOS,
  type Scenario,
  type StormScenario,
} from "./scenarios.ts";
import {
  type BenchServer,
  ensureReferenceInstalled,
  parseKind,
  type ServerKind,
  startBenchServer,
} from "./servers.ts";
import { sharedServicesMissing } from "./shared-services.ts";
import { medianOfRounds, percentiles } from "./stats.ts";
import { summaryTable } from "./summary.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values: flags } = parseArgs({
  options: {
    duration: { type: "string", default: "20" },
    only: { type: "string" },
    servers: { type: "string" },
    instances: { type: "string" },
    workers: { type: "string", default: "1" },
    drain: { type: "string", default: "30" },
    rounds: { type: "string", default: "1" },
  },
});
const durationMs = Number(flags.duration) * 1000;
const drainMs = Number(flags.drain) * 1000;
const workerCount = Math.max(1, Number(flags.workers));
const rounds = Math.max(1, Number(flags.rounds));
const instances = Number(flags.instances ?? 1);
const servers = (
  flags.servers ??
  (instances > 1 ? `briefroom-pg1,briefroom-pg${instances}` : "briefroom,reference")
)
  .split(",")
  .map((s) => s.trim()) as ServerKind[];
for (const kind of servers) {
  if (!parseKind(kind))
    exit(
      kind === "baseline"
        ? "the baseline server runs from another checkout: set BENCH_BASELINE_ROOT"
        : `unknown server "${kind}"`,
    );
  if (parseKind(kind)!.shared && sharedServicesMissing()) exit(sharedServicesMissing()!);
}
const only = flags.only?.split(",").map((s) => s.trim());
const scenarios = SCENARIOS.filter((s) => !only || only.includes(s.name));
/** Briefroom unloads an empty room after this long; short so the big brief's cold load is quick to reach. */
const ROOM_IDLE_MS = 1000;

function exit(why: string): never {
  process.stderr.write(`[bench] ${why}\n`);
  process.exit(2);
}

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** CPU seconds of every instance of the server, together. */
const instancesCpu = (server: BenchServer) => sum(server.pids.map(cpuSeconds));
/** Read and write system calls of every instance, together. */
const instancesSyscalls = (server: BenchServer) =>
  server.pids
    .map(syscalls)
    .reduce((a, b) => ({ reads: a.reads + b.reads, writes: a.writes + b.writes }));
/** CPU seconds of every instance by kind of thread (main, GC helpers, libuv pool, workers). */
const instancesThreadCpu = (server: BenchServer) => {
  const total: Record<string, number> = {};
  for (const byName of server.pids.map(threadCpuSeconds))
    for (const [name, s] of Object.entries(byName)) total[name] = (total[name] ?? 0) + s;
  return total;
};
/** Peak RSS of every instance, added up. */
const serverPeakRssMB = (server: BenchServer) =>
  Math.round(sum(server.pids.map(peakRssMB)) * 10) / 10;
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

type Call = <T>(cmd: string, args?: unknown) => Promise<T>;
interface Worker {
  child: ChildProcess;
  call: Call;
}

function startWorkers(): Worker[] {
  return Array.from({ length: workerCount }, () => {
    const child = fork(path.join(HERE, "worker.ts"), [], {
      // BENCH_PROFILE_WORKER=1 writes a CPU profile of the load generator to bench/out/.
      execArgv: [
        "--import",
        "tsx",
        ...(process.env.BENCH_PROFILE_WORKER
          ? ["--cpu-prof", `--cpu-prof-dir=${path.join(HERE, "../out")}`]
          : []),
      ],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return { child, call: rpcClient(child) };
  });
}

async function stopWorkers(workers: Worker[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.child.exitCode !== null) return resolve();
          w.child.once("exit", () => resolve());
          w.call("exit").catch(() => w.child.kill("SIGKILL"));
        }),
    ),
  );
}

/** Rooms dealt round-robin to workers. */
function deal<T>(items: T[], n: number): T[][] {
  return Array.from({ length: n }, (_, w) => items.filter((_, i) => i % n === w));
}

const workerCpu = (workers: Worker[]) => workers.reduce((s, w) => s + cpuSeconds(w.child.pid!), 0);

/**
 * CPU the rest of the machine used meanwhile (not the server, the clients or this process).
 * Far above zero means something else competed for the cores and the figures are suspect.
 */
function otherCpu(server: BenchServer, workers: Worker[]) {
  const own = () => instancesCpu(server) + workerCpu(workers) + cpuSeconds(process.pid);
  const busy0 = machineBusySeconds();
  const own0 = own();
  return () => r2(machineBusySeconds() - busy0 - (own() - own0));
}

async function runLoad(s: LoadScenario, server: BenchServer, workers: Worker[]) {
  const rooms = await server.createRooms(s.rooms);
  const shares = deal(rooms, workers.length);
  await Promise.all(
    workers.map((w, i) =>
      shares[i]!.length
        ? w.call("connect", {
            wsUrls: server.wsUrls,
            rooms: shares[i],
            clientsPerRoom: s.clientsPerRoom,
          })
        : null,
    ),
  );
  log(
    `  ${server.kind}: ${s.rooms * s.clientsPerRoom} clients connected; typing ${durationMs / 1000}s`,
  );
  const others = otherCpu(server, workers);
  const cpu0 = instancesCpu(server);
  const io0 = instancesSyscalls(server);
  const threads0 = instancesThreadCpu(server);
  const wcpu0 = workerCpu(workers);
  const t0 = performance.now();
  const typed = await Promise.all(
    workers.map((w) => w.call<{ sent: number }>("type", { rate: s.rate, durationMs })),
  );
  const drained = await Promise.all(
    workers.map((w) =>
      w.call<{
        latencies: Float64Array;
        crossLatencies: Float64Array;
        observed: number;
        expected: number;
        drainMs: number;
        loopDelayP99Ms: number;
      }>("drain", { timeoutMs: drainMs }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const serverCpu = instancesCpu(server) - cpu0;
  const io1 = instancesSyscalls(server);
  const threads1 = instancesThreadCpu(server);
  const clientCpu = workerCpu(workers) - wcpu0;
  const otherCpuSeconds = others();
  const verified = await Promise.all(
    workers.map((w) =>
      w.call<{ rooms: number; converged: number; problems: string[] }>("verify", {
        wsUrls: server.wsUrls,
      }),
    ),
  );
  const edits = typed.reduce((n, t) => n + t.sent, 0);
  const lat = percentiles(Float64Array.from(drained.flatMap((d) => [...d.latencies])));
  const cross = percentiles(Float64Array.from(drained.flatMap((d) => [...d.crossLatencies])));
  const observed = drained.reduce((n, d) => n + d.observed, 0);
  const expected = drained.reduce((n, d) => n + d.expected, 0);
  const roomsConverged = verified.reduce((n, v) => n + v.converged, 0);
  const problems = verified.flatMap((v) => v.problems);
  return {
    p50: lat.p50,
    p95: lat.p95,
    p99: lat.p99,
    max: lat.max,
    // Edits typed on one instance and seen by a client of another (several instances only).
    ...(cross.n > 0 ? { cross } : {}),
    observed,
    expected,
    edits,
    editsPlanned: Math.round(s.rooms * s.clientsPerRoom * s.rate * (durationMs / 1000)),
    converged: roomsConverged === rooms.length,
    roomsConverged: `${roomsConverged}/${rooms.length}`,
    ...(problems.length ? { problems } : {}),
    serverCpuSeconds: r2(serverCpu),
    serverCpuPercent: Math.round((serverCpu / seconds) * 100),
    serverCpuUsPerEdit: Math.round((serverCpu * 1e6) / Math.max(1, edits)),
    // Socket reads and writes dominate these; a durable server adds its database writes.
    serverReadSyscallsPerEdit: r2((io1.reads - io0.reads) / Math.max(1, edits)),
    serverWriteSyscallsPerEdit: r2((io1.writes - io0.writes) / Math.max(1, edits)),
    // Where the CPU went: the event loop ("main") against GC helpers and other threads.
    serverCpuUsPerEditByThread: Object.fromEntries(
      Object.entries(threads1)
        .map(([name, s]) => [
          name,
          Math.round(((s - (threads0[name] ?? 0)) * 1e6) / Math.max(1, edits)),
        ])
        .filter(([, us]) => us !== 0),
    ),
    peakRssMB: serverPeakRssMB(server),
    windowSeconds: r1(seconds),
    drainMs: Math.round(Math.max(...drained.map((d) => d.drainMs))),
    clientCpuSeconds: r2(clientCpu),
    clientLoopDelayP99Ms: r1(Math.max(...drained.map((d) => d.loopDelayP99Ms))),
    otherCpuSeconds,
  };
}

async function runStorm(s: StormScenario, server: BenchServer, workers: Worker[]) {
  const rooms = await server.createRooms(s.rooms);
  const shares = deal(rooms, workers.length);
  const paragraphText =
    "The committee heard evidence from three regional authorities on housing supply. ".repeat(3);
  await Promise.all(
    workers.map((w, i) =>
      shares[i]!.length
        ? w.call("connect", {
            wsUrls: server.wsUrls,
            rooms: shares[i],
            clientsPerRoom: 1,
            paragraphs: s.seedParagraphs,
            paragraphText,
          })
        : null,
    ),
  );
  log(`  ${server.kind}: rooms seeded; ${s.rooms * s.clientsPerRoom} clients connect at once`);
  const others = otherCpu(server, workers);
  const cpu0 = instancesCpu(server);
  const stormed = await Promise.all(
    workers.map((w, i) =>
      w.call<{ clients: number; synced: number; samples: Float64Array; wallMs: number }>("storm", {
        wsUrls: server.wsUrls,
        rooms: shares[i],
        clientsPerRoom: s.clientsPerRoom,
        timeoutMs: 60_000,
      }),
    ),
  );
  const serverCpu = instancesCpu(server) - cpu0;
  const otherCpuSeconds = others();
  const verified = await Promise.all(
    workers.map((w) =>
      w.call<{ converged: number; problems: string[] }>("verify", { wsUrls: server.wsUrls }),
    ),
  );
  const lat = percentiles(Float64Array.from(stormed.flatMap((d) => [...d.samples])));
  const roomsConverged = verified.reduce((n, v) => n + v.converged, 0);
  return {
    connectToSyncedP50: lat.p50,
    connectToSyncedP95: lat.p95,
    connectToSyncedP99: lat.p99,
    connectToSyncedMax: lat.max,
    synced: `${stormed.reduce((n, d) => n + d.synced, 0)}/${stormed.reduce((n, d) => n + d.clients, 0)}`,
    allSyncedMs: Math.round(Math.max(...stormed.map((d) => d.wallMs))),
    converged: roomsConverged === rooms.length,
    roomsConverged: `${roomsConverged}/${rooms.length}`,
    serverCpuSeconds: r2(serverCpu),
    peakRssMB: serverPeakRssMB(server),
    otherCpuSeconds,
  };
}

async function runBigBrief(s: BigBriefScenario, server: BenchServer, workers: Worker[]) {
  const w = workers[0]!;
  const [room] = await server.createRooms(1);
  const others = otherCpu(server, workers);
  const cpu0 = instancesCpu(server);
  const built = await w.call<{
    edits: number;
    sentMs: number;
    settledMs: number;
    stateBytes: number;
    paragraphs: number;
  }>("bigBuild", {
    wsUrls: server.wsUrls,
    room,
    paragraphs: s.paragraphs,
    editsPerParagraph: s.editsPerParagraph,
  });
  const buildCpu = instancesCpu(server) - cpu0;
  log(
    `  ${server.kind}: built ${built.paragraphs} paragraphs from ${built.edits} edits; syncing new clients`,
  );
  const want = await w.call<string>("fingerprint", { room });
  // Time the sync itself, not background work the build left behind (Briefroom compacts).
  await Promise.all(server.pids.map((pid) => settled(pid)));
  const cpu1 = instancesCpu(server);
  const warm = await w.call<{ samples: number[]; converged: number }>("bigSync", {
    wsUrls: server.wsUrls,
    room,
    n: s.freshClients,
    paragraphs: built.paragraphs,
    want,
  });
  const syncCpu = instancesCpu(server) - cpu1;
  const otherCpuSeconds = others();
  // Everyone leaves; Briefroom unloads the room (compacting it) and the next visitor loads it
  // from the store. The reference keeps every document in memory, so its "cold" is warm.
  await w.call("disconnectAll");
  await new Promise((r) => setTimeout(r, ROOM_IDLE_MS + 3000));
  const cold = await w.call<{ samples: number[]; converged: number }>("bigSync", {
    wsUrls: server.wsUrls,
    room,
    n: 1,
    paragraphs: built.paragraphs,
    want,
  });
  const warmLat = percentiles(warm.samples);
  return {
    syncMs: warmLat.p50,
    syncMsMax: warmLat.max,
    coldSyncMs: r1(cold.samples[0]!),
    converged: warm.converged === s.freshClients && cold.converged === 1,
    edits: built.edits,
    stateKB: Math.round(built.stateBytes / 1024),
    buildSeconds: r1(built.settledMs / 1000),
    buildServerCpuSeconds: r2(buildCpu),
    syncServerCpuMsPerClient: Math.round((syncCpu * 1000) / s.freshClients),
    peakRssMB: serverPeakRssMB(server),
    otherCpuSeconds,
  };
}

function runScenario(s: Scenario, server: BenchServer, workers: Worker[]) {
  if (s.kind === "load") return runLoad(s, server, workers);
  if (s.kind === "storm") return runStorm(s, server, workers);
  return runBigBrief(s, server, workers);
}

async function runOnce(s: Scenario, kind: ServerKind): Promise<Record<string, unknown>> {
  const server = await startBenchServer(
    kind,
    kind === "reference" ? {} : { ROOM_IDLE_MS: String(ROOM_IDLE_MS) },
  );
  const workers = startWorkers();
  try {
    const baselineRssMB = sum(server.pids.map(rssMB));
    const result = { ...(await runScenario(s, server, workers)), baselineRssMB };
    log(`  ${kind}: ${JSON.stringify(result)}`);
    return result;
  } catch (err) {
    log(`  ${kind} failed: ${(err as Error).stack}`);
    return { error: (err as Error).message };
  } finally {
    await stopWorkers(workers);
    await server.stop();
  }
}

async function main() {
  if (servers.includes("reference")) ensureReferenceInstalled(log);
  const cpu = os.cpus();
  const out: Record<string, unknown> = {
    machine: {
      cpus: cpu.length,
      model: cpu[0]?.model,
      memGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    config: {
      durationSeconds: durationMs / 1000,
      drainTimeoutSeconds: drainMs / 1000,
      workers: workerCount,
      rounds,
    },
    startedAt: new Date().toISOString(),
    scenarios: {} as Record<string, unknown>,
  };
  const results = out.scenarios as Record<string, Record<string, unknown>>;
  let turn = 0;
  for (const s of scenarios) {
    log(`${s.name}: ${s.what}`);
    results[s.name] = { what: s.what };
    const byServer = new Map<ServerKind, Record<string, unknown>[]>(servers.map((k) => [k, []]));
    for (let round = 0; round < rounds; round++) {
      // Alternate which server goes first, so neither always runs on a warmer (or busier) machine.
      for (const kind of turn++ % 2 === 0 ? servers : [...servers].reverse()) {
        byServer.get(kind)!.push(await runOnce(s, kind));
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    for (const [kind, runs] of byServer) {
      results[s.name]![kind] = rounds === 1 ? runs[0] : { ...medianOfRounds(runs), rounds: runs };
    }
  }
  const json = JSON.stringify(out, null, 2);
  const dir = path.join(HERE, "../out");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `collab-${out.startedAt as string}.json`.replaceAll(":", "-")),
    `${json}\n`,
  );
  process.stdout.write(`${json}\n`);
  process.stderr.write(`\n${summaryTable(results)}\n`);
}

await main();
