import type { PMNode } from "../schema/brief.ts";
import type { Problem } from "../schema/check.ts";
import { PROBLEM_LABELS } from "./export-gate.ts";

/** What the marked export says under a flagged block, e.g. "Source check: altered quotation". */
function noteText(problem: Problem): string {
  const label = PROBLEM_LABELS[problem.kind];
  const detail =
    problem.kind === "wrong_speaker"
      ? problem.expected && ` The source attributes it to ${problem.expected}.`
      : problem.expected && ` The source reads: “${problem.expected}”.`;
  return `Source check: ${label}.${detail ?? ""}`;
}

function flag(problems: Problem[]): PMNode {
  const marks = [{ type: "bold" }, { type: "italic" }];
  return {
    type: "paragraph",
    content: [{ type: "text", text: problems.map(noteText).join(" "), marks }],
  };
}

/**
 * The body with a bold italic "Source check: …" paragraph after every block the check flagged,
 * so a brief exported despite its problems says where they are. Returns a new tree; the
 * input is left as it was.
 */
export function markProblems(body: PMNode, problems: Problem[]): PMNode {
  const byPath = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.path.length === 0) continue;
    const key = p.path.join(".");
    byPath.set(key, [...(byPath.get(key) ?? []), p]);
  }
  const walk = (node: PMNode, path: number[]): PMNode => {
    if (!node.content) return node;
    const content: PMNode[] = [];
    node.content.forEach((child, i) => {
      const at = [...path, i];
      content.push(walk(child, at));
      const here = byPath.get(at.join("."));
      if (here) content.push(flag(here));
    });
    return { ...node, content };
  };
  return walk(body, []);
}
