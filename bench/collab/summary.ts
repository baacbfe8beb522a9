import type { Percentiles } from "./stats.ts";

type Results = Record<string, Record<string, unknown>>;
type Row = Record<string, unknown> | undefined;

const cell = (v: unknown) => (v === undefined ? "–" : String(v));

/** A markdown table of the headline figures (what the README quotes). */
export function summaryTable(results: Results): string {
  const lines = [
    "| scenario | server | p50 | p95 | p99 | max | observed/expected | converged | CPU s | peak RSS MB |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const [name, byServer] of Object.entries(results)) {
    for (const [kind, value] of Object.entries(byServer)) {
      if (kind === "what") continue;
      const r = value as Row;
      if (!r) continue;
      if ("error" in r) {
        lines.push(`| ${name} | ${kind} | error: ${cell(r.error).split("\n")[0]} |||||||`);
      } else if ("connectToSyncedP99" in r) {
        lines.push(
          `| ${name} (connect→synced ms) | ${kind} | ${cell(r.connectToSyncedP50)} | ${cell(r.connectToSyncedP95)} | ${cell(r.connectToSyncedP99)} | ${cell(r.connectToSyncedMax)} | ${cell(r.synced)} synced | ${cell(r.roomsConverged)} | ${cell(r.serverCpuSeconds)} | ${cell(r.peakRssMB)} |`,
        );
      } else if ("syncMs" in r) {
        lines.push(
          `| ${name} (new client sync ms: warm p50 / max / cold) | ${kind} | ${cell(r.syncMs)} | ${cell(r.syncMsMax)} | cold ${cell(r.coldSyncMs)} | – | ${cell(r.edits)} edits | ${cell(r.converged)} | build ${cell(r.buildServerCpuSeconds)} | ${cell(r.peakRssMB)} |`,
        );
      } else {
        lines.push(
          `| ${name} (propagation ms) | ${kind} | ${cell(r.p50)} | ${cell(r.p95)} | ${cell(r.p99)} | ${cell(r.max)} | ${cell(r.observed)}/${cell(r.expected)} | ${cell(r.roomsConverged)} | ${cell(r.serverCpuSeconds)} | ${cell(r.peakRssMB)} |`,
        );
        const x = r.cross as Percentiles | undefined;
        if (x) {
          lines.push(
            `| ${name} (cross-instance only) | ${kind} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.max} | ${x.n} observed | | | |`,
          );
        }
      }
    }
  }
  return lines.join("\n");
}
