/**
 * Export benchmark: renders a ~100-page brief (60 sections, 2,000 paragraphs, 300 quotes,
 * 300 citations, tables, nested lists) and prints JSON with the median milliseconds and peak
 * RSS in-process, in a worker, and as a whole `npm run --silent render` run; and, when pandoc
 * is installed, pandoc turning the same brief (as Markdown with footnotes) into .docx.
 *
 *   npm run bench:export [-- --runs 10 --cli-runs 5]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadTemplateFile } from "../server/export/load-template-file.ts";
import { renderDocx } from "../server/export/render-docx.ts";
import { WorkerPool } from "../server/workers/pool.ts";
import { largeBundle } from "../tests/utils/sample-bundle.ts";
import { toPandocMarkdown } from "./pandoc-markdown.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    "cli-runs": { type: "string", default: "5" },
    template: { type: "string", default: "policy-brief" },
  },
});
const runs = Number(values.runs);
const cliRuns = Number(values["cli-runs"]);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]!);
};
const mb = (kb: number) => Math.round(kb / 1024);

async function timed(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const { template, referenceDocx } = await loadTemplateFile(values.template!);
const opts = referenceDocx ? { referenceDocx } : {};
const bundle = largeBundle(100);
const rssBefore = process.resourceUsage().maxRSS;

await timed(3, () => renderDocx(bundle, template, opts));
const inProcess = await timed(runs, () => renderDocx(bundle, template, opts));
const bytes = await renderDocx(bundle, template, opts);
const peakRss = process.resourceUsage().maxRSS;

const pool = new WorkerPool(1);
await timed(2, () => pool.run(bundle, template, referenceDocx));
const inWorker = await timed(runs, () => pool.run(bundle, template, referenceDocx));
await pool.close();

const dir = mkdtempSync(path.join(tmpdir(), "bench-export-"));
const input = path.join(dir, "bundle.json");
const out = path.join(dir, "brief.docx");
writeFileSync(input, JSON.stringify(bundle));
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** Median wall time and peak RSS (KB, with GNU time) of a command run `n` times. */
function timedCommand(n: number, command: string[]): { ms: number[]; rssKb: number[] } {
  const ms: number[] = [];
  const rssKb: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const run = gnuTime
      ? spawnSync(gnuTime, ["-f", "%M", ...command], { encoding: "utf8" })
      : spawnSync(command[0]!, command.slice(1), { encoding: "utf8" });
    ms.push(performance.now() - t);
    if (run.status !== 0) throw new Error(`${command.join(" ")} failed: ${run.stderr}`);
    const kb = Number(run.stderr.trim().split("\n").pop());
    if (Number.isFinite(kb)) rssKb.push(kb);
  }
  return { ms, rssKb };
}

const render = ["--in", input, "--template", values.template!, "--out", out];
// Once, untimed: builds the CLI's bundle if the sources changed since it was last built.
timedCommand(1, ["npm", "run", "--silent", "render", "--", ...render]);
const cli = timedCommand(cliRuns, ["npm", "run", "--silent", "render", "--", ...render]);
const cliMs = cli.ms;
const cliRss = cli.rssKb;
const hasPandoc = spawnSync("pandoc", ["--version"]).status === 0;
let pandoc: { ms: number[]; rssKb: number[] } | null = null;
if (hasPandoc) {
  const md = path.join(dir, "brief.md");
  writeFileSync(md, toPandocMarkdown(bundle));
  pandoc = timedCommand(cliRuns, ["pandoc", md, "-o", path.join(dir, "pandoc.docx")]);
}
const docxBytes = statSync(out).size;
rmSync(dir, { recursive: true, force: true });

console.log(
  JSON.stringify(
    {
      brief: {
        sections: bundle.doc.content!.filter((n) => n.type === "heading").length,
        paragraphs: bundle.doc.content!.filter((n) => n.type === "paragraph").length,
        quotes: bundle.doc.content!.filter((n) => n.type === "blockquote").length,
        citations: JSON.stringify(bundle.doc).match(/"type":"citation"/g)!.length,
        tables: bundle.doc.content!.filter((n) => n.type === "table").length,
        docxBytes: bytes.length,
      },
      template: values.template,
      inProcessMedianMs: median(inProcess),
      inProcessPeakRssMb: mb(peakRss),
      inProcessRssGrowthMb: mb(peakRss - rssBefore),
      inWorkerMedianMs: median(inWorker),
      cliMedianMs: median(cliMs),
      cliPeakRssMb: cliRss.length ? mb(Math.max(...cliRss)) : null,
      cliDocxBytes: docxBytes,
      pandocMedianMs: pandoc ? median(pandoc.ms) : "pandoc not installed",
      pandocPeakRssMb: pandoc?.rssKb.length ? mb(Math.max(...pandoc.rssKb)) : null,
      runs,
      cliRuns,
    },
    null,
    2,
  ),
);
