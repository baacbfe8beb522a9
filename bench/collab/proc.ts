import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Kernel clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds a process (all its threads) has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may hold spaces; fields after it start at field 3 (state).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** Peak resident set size of a process so far (VmHWM), in MB. */
export function peakRssMB(pid: number): number {
  return statusMB(pid, "VmHWM");
}

/** Resident set size of a process now, in MB. */
export function rssMB(pid: number): number {
  return statusMB(pid, "VmRSS");
}

function statusMB(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
  return kb ? Math.round(Number(kb) / 102.4) / 10 : Number.NaN;
}

/** Resolves once `pid` has used under 5% of a core for `quietMs` in a row (or after `maxMs`). */
export async function settled(pid: number, quietMs = 500, maxMs = 15_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const before = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, quietMs));
    if (cpuSeconds(pid) - before < (0.05 * quietMs) / 1000) return;
  }
}

/** CPU seconds the whole machine has been busy (all cores, everything but idle and iowait). */
export function machineBusySeconds(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const [user, nice, system, _idle, _iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / CLK_TCK;
}

/** Read and write system calls a process (all its threads) has made so far (/proc/<pid>/io). */
export function syscalls(pid: number): { reads: number; writes: number } {
  const io = readFileSync(`/proc/${pid}/io`, "utf8");
  const field = (name: string) => Number(new RegExp(`${name}: (\\d+)`).exec(io)?.[1] ?? Number.NaN);
  return { reads: field("syscr"), writes: field("syscw") };
}

/**
 * CPU seconds per thread name (`comm`) of a process, the main thread as "main" (and its kernel
 * time alone, already counted in "main", as "main.kernel"). Node 20 leaves
 * most of its other threads (V8's garbage-collector helpers, libuv's pool, worker threads)
 * named after the process, so in practice this splits the event loop from everything else.
 * Threads that share a name are added up; one that has ended is no longer listed.
 */
export function threadCpuSeconds(pid: number): Record<string, number> {
  const byName: Record<string, number> = {};
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return byName;
  }
  for (const tid of tasks) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    } catch {
      continue; // the thread ended meanwhile
    }
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const main = tid === String(pid);
    const key = main ? "main" : name;
    byName[key] = (byName[key] ?? 0) + (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
    // The event loop's time in the kernel (socket and file system calls), part of "main".
    if (main) byName["main.kernel"] = Number(fields[12]) / CLK_TCK;
  }
  return byName;
}
