import type { Problem, ProblemKind } from "../../server/schema/check.ts";

/** What each kind of problem is called on its flag. */
export const PROBLEM_TITLES: Record<ProblemKind, string> = {
  altered: "Wording differs from the source",
  elided: "Words left out",
  inserted: "Words added in brackets",
  wrong_speaker: "Wrong speaker",
  unsourced_quote: "Quotation without a source",
  missing_source: "Source no longer exists",
};

/** One line of a flag's explanation: a label and, where there are some, the words. */
export interface DetailLine {
  label: string;
  words?: string;
}

const LONGEST = 280;
const clip = (text: string) => (text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text);
const runs = (label: string, words: readonly string[] | undefined): DetailLine[] =>
  (words ?? []).map((w) => ({ label, words: clip(w) }));

/** The lines a flag shows for a problem: the words removed or added, the source's version. */
export function problemDetails(p: Problem): DetailLine[] {
  switch (p.kind) {
    case "altered":
      return [
        ...runs("Removed", p.removed),
        ...runs("Added", p.added),
        ...(p.expected ? [{ label: "Source", words: clip(p.expected) }] : []),
      ];
    case "elided":
      return runs("Left out at the ellipsis", p.removed);
    case "inserted":
      return [...runs("Added", p.added), ...runs("In place of", p.removed)];
    case "wrong_speaker":
      return p.expected
        ? [
            { label: "Source speaker", words: p.expected },
            { label: "Brief names", words: p.found ?? "" },
          ]
        : [{ label: "The source names no speaker; the brief names", words: p.found ?? "" }];
    case "unsourced_quote":
      return [
        ...(p.found ? [{ label: "Quoted", words: clip(p.found) }] : []),
        { label: "Insert it from Sources, or cite the snippet it comes from." },
      ];
    case "missing_source":
      return [{ label: "The snippet or article it cites has been deleted or changed." }];
  }
}

/** A short summary of a block's problems, for the flag's accessible name. */
export function flagLabel(problems: readonly Problem[]): string {
  const titles = [...new Set(problems.map((p) => PROBLEM_TITLES[p.kind].toLowerCase()))];
  return `Source check: ${titles.join("; ")}`;
}
