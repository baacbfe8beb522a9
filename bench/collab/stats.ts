/** Latency summary in ms, rounded to 0.1 ms. */
export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of `samples` (sorted in place). */
export function percentiles(samples: number[] | Float64Array): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) =>
    sorted.length === 0
      ? Number.NaN
      : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    n: sorted.length,
    p50: r(at(0.5)),
    p95: r(at(0.95)),
    p99: r(at(0.99)),
    max: r(sorted.length ? sorted[sorted.length - 1]! : Number.NaN),
  };
}

type RoundResult = Record<string, unknown>;

/**
 * One result standing for several rounds of the same run: each number is the median of the
 * rounds' (nested objects likewise), a flag holds only if it held in every round, and a text
 * that differed between rounds lists each version. Rounds that failed are left out and counted
 * under `failedRounds`.
 */
export function medianOfRounds(runs: readonly RoundResult[]): RoundResult {
  const ok = runs.filter((r) => !("error" in r));
  if (ok.length === 0) return runs[0] ?? { error: "no rounds" };
  const out = mergeRounds(ok) as RoundResult;
  if (ok.length < runs.length) out.failedRounds = runs.length - ok.length;
  return out;
}

function mergeRounds(values: readonly unknown[]): unknown {
  const present = values.filter((v) => v !== undefined && v !== null);
  const first = present[0];
  if (typeof first === "number") return median(present as number[]);
  if (typeof first === "boolean") return present.every(Boolean);
  if (typeof first === "string") return [...new Set(present as string[])].join(" / ");
  if (first && typeof first === "object" && !Array.isArray(first)) {
    const keys = new Set(present.flatMap((v) => Object.keys(v as object)));
    return Object.fromEntries(
      [...keys].map((k) => [k, mergeRounds(present.map((v) => (v as RoundResult)[k]))]),
    );
  }
  return first;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 100) / 100;
}
