import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { renderDocx } from "../../server/export/render-docx.ts";
import { closeWorkerPool, exportDocxInWorker, WorkerPool } from "../../server/workers/pool.ts";
import { eventually } from "../utils/clients.ts";
import { testTemplate } from "../utils/docx-xml.ts";
import { largeBundle, sampleBundle } from "../utils/sample-bundle.ts";

afterAll(closeWorkerPool);

/**
 * Runs `work` with a 5 ms timer going: how many times it fired, and the share of the time the
 * event loop kept it waiting. A share, not the longest wait: on a machine shared with the
 * rest of the suite one scheduling hiccup can be as long as an export, but not as frequent.
 */
async function loopBlocking<T>(work: () => Promise<T>) {
  const TICK_MS = 5;
  let ticks = 0;
  let late = 0;
  const start = performance.now();
  let last = start;
  const timer = setInterval(() => {
    const now = performance.now();
    late += Math.max(0, now - last - TICK_MS);
    last = now;
    ticks++;
  }, TICK_MS);
  try {
    const result = await work();
    const end = performance.now();
    late += Math.max(0, end - last - TICK_MS);
    return { result, ticks, blockedShare: late / (end - start) };
  } finally {
    clearInterval(timer);
  }
}

describe("exportDocxInWorker", () => {
  it("gives the same bytes as rendering in-process", async () => {
    const template = testTemplate({ toc: true });
    const [inWorker, inProcess] = await Promise.all([
      exportDocxInWorker(sampleBundle(), template),
      renderDocx(sampleBundle(), template),
    ]);
    expect(Buffer.from(inWorker).equals(Buffer.from(inProcess))).toBe(true);
  }, 60_000);

  it("stops a worker that sits idle, never one at work, and starts a new one for the next job", async () => {
    const pool = new WorkerPool(1, 300);
    try {
      // A job longer than the idle time runs to its end.
      expect((await pool.run(largeBundle(20), testTemplate())).length).toBeGreaterThan(10_000);
      expect(pool.workers).toBe(1);
      await eventually(() => pool.workers === 0, 5000, "the idle worker to stop");
      const again = await pool.run(sampleBundle(), testTemplate());
      expect(again.length).toBeGreaterThan(1000);
      expect(pool.workers).toBe(1);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("keeps the event loop free while five large exports run", async () => {
    const pool = new WorkerPool(2);
    try {
      await pool.run(sampleBundle(), testTemplate()); // start the workers
      const bundle = largeBundle(50);
      const inWorkers = await loopBlocking(() =>
        Promise.all(Array.from({ length: 5 }, () => pool.run(bundle, testTemplate()))),
      );
      expect(inWorkers.result.every((f) => f.length > 10_000)).toBe(true);
      expect(inWorkers.ticks).toBeGreaterThan(5);
      // The same exports on the main thread, as the baseline: measured in the same run, the
      // bound holds however busy the machine is (the whole suite shares two cores in CI).
      const inProcess = await loopBlocking(() =>
        Promise.all(Array.from({ length: 5 }, () => renderDocx(bundle, testTemplate()))),
      );
      expect(inWorkers.blockedShare).toBeLessThan(inProcess.blockedShare / 2);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it("renders on a thread last in line for the cores (nice 19, SCHED_IDLE where chrt is installed)", async (ctx) => {
    if (process.platform !== "linux") ctx.skip("thread priorities are set on Linux only");
    const threads = () =>
      readdirSync("/proc/self/task").map((tid) => {
        // Fields after the command name (which may hold spaces): nice is the 19th field of the
        // line, the policy the 41st.
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return { tid, nice: Number(fields[16]), policy: Number(fields[38]) };
      });
    const before = new Set(threads().map((t) => t.tid));
    const pool = new WorkerPool(1);
    try {
      await pool.run(sampleBundle(), testTemplate());
      const hasChrt = spawnSync("chrt", ["--version"]).status === 0;
      const SCHED_IDLE = 5;
      await eventually(
        () =>
          threads().some(
            (t) => !before.has(t.tid) && t.nice === 19 && (!hasChrt || t.policy === SCHED_IDLE),
          ),
        5000,
        "the export thread to drop its priority",
      );
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("rejects with the renderer's error rather than hanging", async () => {
    const pool = new WorkerPool(1);
    try {
      const broken = { ...sampleBundle(), doc: null } as unknown as ReturnType<typeof sampleBundle>;
      await expect(pool.run(broken, testTemplate())).rejects.toThrow(/export failed/);
      expect((await pool.run(sampleBundle(), testTemplate())).length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
