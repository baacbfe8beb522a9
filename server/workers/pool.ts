import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError } from "../errors.ts";
import type {
  BriefExportInput,
  BriefExportOutcome,
  BriefJobInput,
  LoadArticles,
} from "../export/brief-job.ts";
import type { UploadedFile } from "../ingest/decode-upload.ts";
import type { ArticleInput } from "../ingest/extract.ts";
import type { Article } from "../schema/article.ts";
import type { Bundle } from "../schema/bundle.ts";
import type { CheckResult } from "../schema/check.ts";
import type { Template } from "../schema/template.ts";
import type { FromWorker, ToWorker, WorkerJob } from "./worker.ts";

interface Pending {
  id: number;
  job: WorkerJob;
  loadArticles?: LoadArticles;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

const FAILED: Record<WorkerJob["kind"], string> = {
  render: "export failed",
  export: "export failed",
  check: "source check failed",
  extract: "article extraction failed",
};

interface Slot {
  worker: Worker;
  current?: Pending;
  /** Stops the worker once it has been idle for the pool's idle time. */
  idle?: NodeJS.Timeout;
}

/**
 * How long a worker may sit idle before it stops, and with it the libraries its jobs loaded
 * (an article import's lexicon alone is tens of MB); the next job starts a new one.
 */
const IDLE_MS = 60_000;

const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_URL = new URL(FROM_SOURCE ? "./worker.ts" : "./worker.js", import.meta.url);

/** The ESM build of `tsx/esm/api` (`require.resolve` would give the CommonJS one). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("tsx/package.json");
  const pkg = require(pkgPath) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(pkgPath), pkg.exports["./esm/api"]!.import.default))
    .href;
}

/**
 * Starts a worker on `worker.ts`. Running from TypeScript source (tsx, vitest), the worker must
 * register tsx's loader itself: `execArgv: ["--import", "tsx"]` doesn't reach worker threads
 * on Node 20, while tsx's `register()` called inside the worker does.
 */
function startWorker(): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL);
  const api = tsxEsmApi();
  const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(boot, { eval: true });
}

/**
 * A few long-lived worker threads that render exports, check briefs against their sources and
 * extract imported articles, so that none of it blocks the event loop that serves live editing
 * (the first extraction in a process alone takes ~0.5 s, loading compromise's lexicon), and
 * the libraries they need never load beside the rooms. Jobs queue when every worker is busy;
 * idle workers don't keep the process alive.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly size = Math.max(1, Math.min(4, availableParallelism() - 1)),
    private readonly idleMs = IDLE_MS,
  ) {}

  /** Workers running now, busy or idle. */
  get workers(): number {
    return this.slots.length;
  }

  /** Renders a bundle in a worker; resolves with the .docx bytes or the renderer's error. */
  run(bundle: Bundle, template: Template, referenceDocx?: Uint8Array): Promise<Uint8Array> {
    const job: WorkerJob = {
      kind: "render",
      bundle,
      template,
      ...(referenceDocx ? { referenceDocx } : {}),
    };
    return this.submit(job).then((bytes) => new Uint8Array(bytes as Uint8Array));
  }

  /**
   * Checks a brief against its sources and renders it, both in a worker; the worker asks for
   * the articles the brief cites through `loadArticles`, which runs here, beside the store.
   */
  exportBrief(input: BriefExportInput, loadArticles: LoadArticles): Promise<BriefExportOutcome> {
    return this.submit({ kind: "export", ...input }, loadArticles) as Promise<BriefExportOutcome>;
  }

  /** The source check of a brief, in a worker. */
  checkBrief(input: BriefJobInput, loadArticles: LoadArticles): Promise<CheckResult> {
    return this.submit({ kind: "check", ...input }, loadArticles) as Promise<CheckResult>;
  }

  /**
   * Extracts an article (cleaning, quotes and speakers, facts, entities) in a worker, from
   * text, HTML or an uploaded file (a .docx is converted there too). Rejects with the
   * extractor's own `AppError` (no article text, not a Word document…) for the client to see.
   */
  extractArticle(input: ArticleInput | UploadedFile, id: string): Promise<Article> {
    return this.submit({ kind: "extract", input, id }) as Promise<Article>;
  }

  private submit(job: WorkerJob, loadArticles?: LoadArticles): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error("the worker pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        job,
        ...(loadArticles ? { loadArticles } : {}),
        resolve,
        reject,
      });
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running jobs reject. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error("the worker pool is closed"));
    await Promise.all(
      this.slots.splice(0).map((s) => {
        clearTimeout(s.idle);
        return s.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot =
        this.slots.find((s) => !s.current) ??
        (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const pending = this.queue.shift()!;
      clearTimeout(slot.idle);
      slot.current = pending;
      slot.worker.ref();
      slot.worker.postMessage({ id: pending.id, job: pending.job } satisfies ToWorker);
    }
  }

  private answerArticles(slot: Slot, pending: Pending, ids: string[]): void {
    const load = pending.loadArticles ?? (async () => new Map<string, Article>());
    load(ids).then(
      (found) => {
        if (slot.current !== pending) return;
        slot.worker.postMessage({
          id: pending.id,
          articles: [...found.values()],
        } satisfies ToWorker);
      },
      (err: Error) => {
        // The job cannot go on without its sources: fail it, and restart the waiting worker.
        if (slot.current !== pending) return;
        slot.current = undefined;
        pending.reject(err);
        void slot.worker.terminate();
      },
    );
  }

  /** Stops an idle worker; the next job that finds no free worker starts a new one. */
  private retire(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || slot.current) return;
    this.slots.splice(i, 1);
    void slot.worker.terminate();
  }

  private spawn(): Slot {
    const worker = startWorker();
    const slot: Slot = { worker };
    worker.on("message", (msg: FromWorker) => {
      const pending = slot.current;
      if (!pending || pending.id !== msg.id) return;
      if ("needArticles" in msg) {
        this.answerArticles(slot, pending, msg.needArticles);
        return;
      }
      slot.current = undefined;
      worker.unref();
      if (msg.ok) pending.resolve(msg.value);
      else if (msg.client)
        pending.reject(
          new AppError(msg.client.status as ContentfulStatusCode, msg.client.id, msg.error),
        );
      else pending.reject(new Error(`${FAILED[pending.job.kind]}: ${msg.error}`));
      this.dispatch();
      if (!slot.current) slot.idle = setTimeout(() => this.retire(slot), this.idleMs).unref();
    });
    // A worker that dies takes its job with it; the next job gets a fresh worker.
    const fail = (err: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      slot.current?.reject(err);
      slot.current = undefined;
      if (!this.closed) this.dispatch();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`pool worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }
}

let shared: WorkerPool | undefined;

/** The process's shared pool, started on first use. */
export function workerPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}

/**
 * Renders a brief to .docx in the process's shared worker pool (started on first use): what
 * `GET /api/briefs/:id/export.docx` calls.
 */
export function exportDocxInWorker(
  bundle: Bundle,
  template: Template,
  referenceDocx?: Uint8Array,
): Promise<Uint8Array> {
  return workerPool().run(bundle, template, referenceDocx);
}

/** Extracts an article in the process's shared pool: what `POST /api/articles` calls. */
export function extractArticleInWorker(
  input: ArticleInput | UploadedFile,
  id: string,
): Promise<Article> {
  return workerPool().extractArticle(input, id);
}

/** Stops the shared pool's workers (graceful shutdown, tests). */
export async function closeWorkerPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
