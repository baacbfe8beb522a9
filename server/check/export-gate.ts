import { conflict } from "../errors.ts";
import type { CheckResult, ProblemKind } from "../schema/check.ts";

/** How a problem kind reads to a person, in messages and in the marked export. */
export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  altered: "altered quotation",
  elided: "elided quotation",
  inserted: "quotation with an insertion",
  wrong_speaker: "wrong speaker",
  unsourced_quote: "unsourced quotation",
  missing_source: "missing source",
};

/**
 * Refuses (409 `source_problems`) an export whose check found problems, unless the request
 * says to proceed; the message counts them by kind, e.g. "2 altered quotation(s), 1 wrong
 * speaker(s)".
 */
export function refuseSourceProblems(result: CheckResult, proceed: boolean): void {
  if (proceed || result.problems.length === 0) return;
  const counts = new Map<ProblemKind, number>();
  for (const p of result.problems) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  const summary = [...counts].map(([kind, n]) => `${n} ${PROBLEM_LABELS[kind]}(s)`).join(", ");
  throw conflict(
    "source_problems",
    `The brief has source problems: ${summary}. Fix them, or export anyway with proceed=true.`,
  );
}

/**
 * Refuses (409 `coverage_below_minimum`) an export whose share of cited factual sentences is
 * under the template's minimum, unless the request says to proceed.
 */
export function refuseLowCoverage(
  result: CheckResult,
  minCoverage: number | undefined,
  proceed: boolean,
): void {
  const { ratio, cited, factual } = result.coverage.brief;
  if (proceed || minCoverage === undefined || ratio >= minCoverage) return;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  throw conflict(
    "coverage_below_minimum",
    `Only ${cited} of ${factual} factual sentences (${pct(ratio)}) carry a citation; the template asks for at least ${pct(minCoverage)}. Cite more, or export anyway with proceed=true.`,
  );
}
