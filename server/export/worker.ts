import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import type { Article } from "../schema/article.ts";
import type { Bundle } from "../schema/bundle.ts";
import type { Template } from "../schema/template.ts";
import {
  type BriefExportInput,
  type BriefJobInput,
  checkBriefJob,
  exportBriefJob,
} from "./brief-job.ts";
import { renderDocx } from "./render-docx.ts";

/** Jobs the pool sends, already validated by the caller. */
export type WorkerJob =
  | { kind: "render"; bundle: Bundle; template: Template; referenceDocx?: Uint8Array }
  | ({ kind: "export" } & BriefExportInput)
  | ({ kind: "check" } & BriefJobInput);

/** Messages to the worker: a job, or the articles a running job asked for. */
export type ToWorker = { id: number; job: WorkerJob } | { id: number; articles: Article[] };

/** Messages from the worker: the job's result, its failure, or a request for articles. */
export type FromWorker =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string }
  | { id: number; needArticles: string[] };

/**
 * Lowers this thread's scheduling priority to the least there is (nice 19) so that, when cores
 * are short, the event loop serving live editing runs first and exports take the slack (nice 10
 * left editing's p99 at 2.0–2.9× its idle value while five exports ran; 19: 1.85–1.89×). Linux only: there a thread
 * id is accepted where a process id is, and `/proc/thread-self` names this thread's id.
 */
function yieldToLiveEditing(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid !== process.pid) setPriority(tid, 19);
  } catch {
    // Elsewhere exports run at normal priority.
  }
}
yieldToLiveEditing();

const waiting = new Map<number, (articles: Article[]) => void>();

/** Asks the main thread (which holds the store) for articles; a job waits for at most one. */
function loadArticles(id: number) {
  return (ids: string[]) =>
    new Promise<Map<string, Article>>((resolve) => {
      waiting.set(id, (list) => resolve(new Map(list.map((a) => [a.id, a]))));
      parentPort?.postMessage({ id, needArticles: ids } satisfies FromWorker);
    });
}

async function run(id: number, job: WorkerJob): Promise<unknown> {
  switch (job.kind) {
    case "render":
      return renderDocx(
        job.bundle,
        job.template,
        job.referenceDocx ? { referenceDocx: job.referenceDocx } : {},
      );
    case "export":
      return exportBriefJob(job, loadArticles(id));
    case "check":
      return checkBriefJob(job, loadArticles(id));
  }
}

/** The .docx bytes inside a result, to transfer rather than copy. */
function transferable(value: unknown): ArrayBuffer[] {
  if (value instanceof Uint8Array) return [value.buffer as ArrayBuffer];
  const bytes = (value as { bytes?: unknown } | null)?.bytes;
  return bytes instanceof Uint8Array ? [bytes.buffer as ArrayBuffer] : [];
}

parentPort?.on("message", async (msg: ToWorker) => {
  if ("articles" in msg) {
    waiting.get(msg.id)?.(msg.articles);
    waiting.delete(msg.id);
    return;
  }
  try {
    const value = await run(msg.id, msg.job);
    parentPort?.postMessage(
      { id: msg.id, ok: true, value } satisfies FromWorker,
      transferable(value),
    );
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    parentPort?.postMessage({ id: msg.id, ok: false, error } satisfies FromWorker);
  }
});
