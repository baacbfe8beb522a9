import { afterAll, describe, expect, it } from "vitest";
import {
  closeExportPool,
  ExportPool,
  exportDocxInWorker,
} from "../../server/export/export-pool.ts";
import { renderDocx } from "../../server/export/render-docx.ts";
import { testTemplate } from "../utils/docx-xml.ts";
import { largeBundle, sampleBundle } from "../utils/sample-bundle.ts";

afterAll(closeExportPool);

describe("exportDocxInWorker", () => {
  it("gives the same bytes as rendering in-process", async () => {
    const template = testTemplate({ toc: true });
    const [inWorker, inProcess] = await Promise.all([
      exportDocxInWorker(sampleBundle(), template),
      renderDocx(sampleBundle(), template),
    ]);
    expect(Buffer.from(inWorker).equals(Buffer.from(inProcess))).toBe(true);
  }, 60_000);

  it("keeps the event loop free while five large exports run", async () => {
    const pool = new ExportPool(2);
    try {
      await pool.run(sampleBundle(), testTemplate()); // start the workers
      const bundle = largeBundle(50);
      let ticks = 0;
      let worstGap = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        worstGap = Math.max(worstGap, now - last);
        last = now;
        ticks++;
      }, 5);
      const files = await Promise.all(
        Array.from({ length: 5 }, () => pool.run(bundle, testTemplate())),
      );
      clearInterval(timer);
      expect(files.every((f) => f.length > 10_000)).toBe(true);
      expect(ticks).toBeGreaterThan(5);
      // A 50-page render takes far longer than this on the main thread.
      expect(worstGap).toBeLessThan(100);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it("rejects with the renderer's error rather than hanging", async () => {
    const pool = new ExportPool(1);
    try {
      const broken = { ...sampleBundle(), doc: null } as unknown as ReturnType<typeof sampleBundle>;
      await expect(pool.run(broken, testTemplate())).rejects.toThrow(/export failed/);
      expect((await pool.run(sampleBundle(), testTemplate())).length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
