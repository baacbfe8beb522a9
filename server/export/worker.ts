import { parentPort } from "node:worker_threads";
import type { Bundle } from "../schema/bundle.ts";
import type { Template } from "../schema/template.ts";
import { renderDocx } from "./render-docx.ts";

/** A job the pool sends: everything `renderDocx` takes, already validated by the caller. */
export interface ExportJob {
  id: number;
  bundle: Bundle;
  template: Template;
  referenceDocx?: Uint8Array;
}

/** The answer: the document's bytes (transferred, not copied) or why rendering failed. */
export type ExportResult =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; error: string };

parentPort?.on("message", async (job: ExportJob) => {
  try {
    const bytes = await renderDocx(
      job.bundle,
      job.template,
      job.referenceDocx ? { referenceDocx: job.referenceDocx } : {},
    );
    const result: ExportResult = { id: job.id, ok: true, bytes };
    parentPort?.postMessage(result, [bytes.buffer as ArrayBuffer]);
  } catch (err) {
    const result: ExportResult = {
      id: job.id,
      ok: false,
      error: err instanceof Error ? err.message : String(err),
    };
    parentPort?.postMessage(result);
  }
});
