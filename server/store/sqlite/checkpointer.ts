import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import type { Logger } from "../../logger.ts";

/**
 * Document updates moved into the log between two checkpoints the worker is asked for. A row
 * costs about half a WAL page (rows of a brief share pages), so this is ~1,000 pages (4 MB),
 * half the backstop below; at 200 briefs edited every second, one checkpoint every few moves.
 * Each checkpoint costs two fsyncs on the worker, and one on the event loop when the next commit
 * starts the WAL afresh (SQLite syncs its new header); pages that several moves dirtied are
 * copied once. One checkpoint per move (256 updates) cost 7 % more CPU per edit at that load.
 */
export const UPDATES_PER_CHECKPOINT = 2048;
/**
 * WAL pages at which the server's own connection checkpoints anyway: reached only when writes
 * never pause long enough for the worker to catch up, and then cheap, since the worker has
 * already copied and synced nearly all of it.
 */
const BACKSTOP_PAGES = 2000;
/** SQLite's default, restored if the worker fails. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

// The worker is a few lines of plain CommonJS, evaluated rather than loaded from a file, so it
// runs the same from TypeScript sources (tsx, vitest) and from the server bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
parentPort.on("message", (message) => {
  if (message === "close") {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage(null);
  } catch (err) {
    parentPort.postMessage(String(err && err.message ? err.message : err));
  }
});
`;

/**
 * Checkpoints the SQLite WAL on a worker thread, off the event loop. A checkpoint fsyncs the
 * WAL, which by then holds every page written since the last one: with SQLite's automatic
 * checkpoint on the server's connection, that stalled live editing for ~15 ms every ~500 commits.
 * The worker's connection copies and syncs while the server keeps committing (WAL allows one
 * writer beside a checkpointer); when it has caught up, SQLite restarts the WAL at the next
 * commit. The worker starts at the first checkpoint, so a store that writes little never
 * starts one.
 */
export class Checkpointer {
  private worker: Worker | null = null;
  private updates = 0;
  private running = false;
  private failed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly log: Logger,
    private readonly every = UPDATES_PER_CHECKPOINT,
  ) {
    db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  }

  /** `updates` document updates were committed; asks for a checkpoint every `every` of them. */
  committed(updates: number): void {
    this.updates += updates;
    if (this.updates < this.every || this.running || this.failed) return;
    this.updates = 0;
    this.running = true;
    this.start().postMessage("checkpoint");
  }

  /** Stops the worker, closing its connection, so the server's close is the last one. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    // Held while it closes: left unreferenced, it would let the process end before it has.
    worker.ref();
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.postMessage("close");
    await exited;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file: this.file },
    });
    worker.unref();
    worker.on("message", (error: string | null) => {
      this.running = false;
      if (error) this.fail(new Error(error));
    });
    worker.on("error", (err) => this.fail(err));
    worker.on("exit", () => {
      if (this.worker === worker) this.fail(new Error("the worker exited"));
    });
    this.worker = worker;
    return worker;
  }

  /** Falls back to SQLite's own checkpoints on the server's connection. */
  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.worker = null;
    this.log.error("SQLite checkpoint worker failed; checkpointing on the main thread", {
      err: err.message,
    });
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  }
}
