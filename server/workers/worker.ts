import { execFile } from "node:child_process";
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { AppError } from "../errors.ts";
import {
  type BriefExportInput,
  type BriefJobInput,
  checkBriefJob,
  exportBriefJob,
} from "../export/brief-job.ts";
import { renderDocx } from "../export/render-docx.ts";
import { decodeUploadedFile, type UploadedFile } from "../ingest/decode-upload.ts";
import { type ArticleInput, extractArticle } from "../ingest/extract.ts";
import type { Article } from "../schema/article.ts";
import type { Bundle } from "../schema/bundle.ts";
import type { Template } from "../schema/template.ts";

/** Jobs the pool sends, already validated by the caller. */
export type WorkerJob =
  | { kind: "render"; bundle: Bundle; template: Template; referenceDocx?: Uint8Array }
  | ({ kind: "export" } & BriefExportInput)
  | ({ kind: "check" } & BriefJobInput)
  | { kind: "extract"; input: ArticleInput | UploadedFile; id: string };

/** Messages to the worker: a job, or the articles a running job asked for. */
export type ToWorker = { id: number; job: WorkerJob } | { id: number; articles: Article[] };

/**
 * Messages from the worker: the job's result, its failure (with the status and id of an error
 * meant for the client, such as an article with no text), or a request for articles.
 */
export type FromWorker =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string; client?: { status: number; id: string } }
  | { id: number; needArticles: string[] };

/**
 * Puts this thread last in line for the cores, so that when they are short the event loop
 * serving live editing runs first and exports take the slack. Linux only: there a thread id is
 * accepted where a process id is, and `/proc/thread-self` names this thread's id.
 *
 * nice 19 is the least priority a thread can set itself; the scheduler still lets it finish its
 * time slice (about 1.5 ms on two cores) before a woken event loop runs. The SCHED_IDLE policy,
 * which `chrt` sets where it is installed, has any waking thread preempt it at once.
 */
function yieldToLiveEditing(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid === process.pid) return;
    setPriority(tid, 19);
    execFile("chrt", ["--idle", "--pid", "0", String(tid)], () => {
      // Without chrt, nice 19 stands.
    });
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
    case "extract": {
      const input = "file" in job.input ? await decodeUploadedFile(job.input) : job.input;
      return extractArticle(input, { id: job.id });
    }
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
    const client = err instanceof AppError ? { status: err.status, id: err.id } : undefined;
    parentPort?.postMessage({
      id: msg.id,
      ok: false,
      error,
      ...(client ? { client } : {}),
    } satisfies FromWorker);
  }
});
