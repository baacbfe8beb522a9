import type { Problem } from "../schema/check.ts";
import { diffWording } from "./word-diff.ts";

/** Where a problem is and which snippet it concerns; every problem of a block shares it. */
export type ProblemBase = Pick<Problem, "path" | "snippetId" | "articleId">;

/**
 * The problems of a quotation's wording against its source: at most one each of `altered`,
 * `elided` and `inserted`, each with the runs of words removed or added.
 */
export function wordingProblems(source: string, brief: string, base: ProblemBase): Problem[] {
  const diff = diffWording(source, brief);
  const texts = { expected: source, found: brief };
  const problems: Problem[] = [];
  const { altered, elided, inserted } = diff;
  if (altered.removed.length || altered.added.length)
    problems.push({ kind: "altered", ...base, ...texts, ...runs(altered.removed, altered.added) });
  if (elided.length) problems.push({ kind: "elided", ...base, ...texts, removed: elided });
  if (inserted.added.length)
    problems.push({
      kind: "inserted",
      ...base,
      ...texts,
      ...runs(inserted.removed, inserted.added),
    });
  return problems;
}

function runs(removed: string[], added: string[]): Pick<Problem, "removed" | "added"> {
  return { ...(removed.length ? { removed } : {}), ...(added.length ? { added } : {}) };
}
