import { findFacts } from "../ingest/facts.ts";
import type { CoverageFigures, SectionCoverage } from "../schema/check.ts";
import { type InlineText, isCited } from "./inline.ts";

/** Factual sentences in a block and how many of them touch a citation. */
export interface FactCount {
  factual: number;
  cited: number;
}

/**
 * Counts a block's factual sentences with the extractor's own fact detector (figures, dates,
 * named actors), so "factual" means the same in the brief as in the article. A snippet
 * blockquote is footnoted as a whole: all of its sentences are cited.
 */
export function countFacts(block: InlineText, citedAsWhole = false): FactCount {
  const facts = findFacts(block.text);
  const cited = facts.filter((f) => citedAsWhole || isCited(block, f.start, f.end));
  return { factual: facts.length, cited: cited.length };
}

function figures({ factual, cited }: FactCount): CoverageFigures {
  return { factual, cited, ratio: factual ? cited / factual : 1 };
}

/** Adds up fact counts per section (a top-level heading of level 1 or 2) and in all. */
export class CoverageTally {
  private readonly sections: { heading: string; path: number[]; count: FactCount }[] = [];
  private current = { heading: "", path: [] as number[], count: { factual: 0, cited: 0 } };

  /** Starts a section at a heading. */
  section(heading: string, path: number[]): void {
    this.sections.push(this.current);
    this.current = { heading, path, count: { factual: 0, cited: 0 } };
  }

  add(count: FactCount): void {
    this.current.count.factual += count.factual;
    this.current.count.cited += count.cited;
  }

  /**
   * Section figures in order; text before the first heading only when it has facts, and a
   * "Sources" section (the list of sources, not claims) only when someone wrote facts in it.
   */
  result(): { brief: CoverageFigures; sections: SectionCoverage[] } {
    const all = [...this.sections, this.current].filter(
      (s) => s.count.factual > 0 || (s.path.length > 0 && !/^\s*sources\s*$/i.test(s.heading)),
    );
    const total = { factual: 0, cited: 0 };
    for (const s of all) {
      total.factual += s.count.factual;
      total.cited += s.count.cited;
    }
    return {
      brief: figures(total),
      sections: all.map((s) => ({ heading: s.heading, path: s.path, ...figures(s.count) })),
    };
  }
}
