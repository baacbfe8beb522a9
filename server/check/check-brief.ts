import { forgetMemos } from "../ingest/memo.ts";
import type { Article } from "../schema/article.ts";
import { isAttributionLine } from "../schema/attribution.ts";
import type { PMNode } from "../schema/brief.ts";
import type { CheckResult, Problem } from "../schema/check.ts";
import { citationProblems } from "./citations.ts";
import { CoverageTally, countFacts } from "./coverage.ts";
import { inlineText } from "./inline.ts";
import { normaliseSpace } from "./normalise.ts";
import { isSnippetQuote, quoteBlockProblems, quoteText } from "./quote-block.ts";
import { SnippetIndex } from "./snippets.ts";
import { unsourcedQuotes } from "./unsourced.ts";

export interface CheckOptions {
  /**
   * Texts of blocks that are the template's guidance, not the brief's words: they are neither
   * checked for quotations nor counted for coverage.
   */
  placeholders?: readonly string[];
}

/**
 * The source check of a brief body: every snippet blockquote and citation against the
 * snippet it names in `articles` (keyed by article id), quotations without a source, and the
 * share of factual sentences that carry a citation, per section and in all. Pure: the same
 * document and articles always give the same result, wherever it runs.
 */
export function checkBrief(
  doc: PMNode,
  articles: ReadonlyMap<string, Article>,
  options: CheckOptions = {},
): CheckResult {
  const walk = new Walk(new SnippetIndex(articles), options);
  try {
    walk.children(doc, []);
  } finally {
    forgetMemos();
  }
  return { problems: walk.problems, coverage: walk.tally.result() };
}

class Walk {
  readonly problems: Problem[] = [];
  readonly tally = new CoverageTally();
  private readonly placeholders: Set<string>;

  constructor(
    private readonly index: SnippetIndex,
    options: CheckOptions,
  ) {
    this.placeholders = new Set((options.placeholders ?? []).map(normaliseSpace));
  }

  children(parent: PMNode, path: number[]): void {
    const content = parent.content ?? [];
    for (let i = 0; i < content.length; i++) {
      const node = content[i]!;
      const at = [...path, i];
      if (!isSnippetQuote(node)) {
        this.node(node, at);
        continue;
      }
      const next = content[i + 1];
      const follower = next?.type === "paragraph" ? inlineText(next).text : null;
      const attribution = follower !== null && isAttributionLine(follower) ? follower : null;
      this.problems.push(...quoteBlockProblems(node, at, attribution, this.index));
      this.tally.add(countFacts({ text: quoteText(node).quote, citations: [] }, true));
      if (attribution !== null) i++;
    }
  }

  private node(node: PMNode, path: number[]): void {
    if (node.type === "codeBlock") return;
    if (node.type !== "paragraph" && node.type !== "heading") {
      this.children(node, path);
      return;
    }
    const block = inlineText(node);
    const level = Number(node.attrs?.level ?? 1);
    if (node.type === "heading" && path.length === 1 && level <= 2)
      this.tally.section(normaliseSpace(block.text), path);
    if (this.placeholders.has(normaliseSpace(block.text))) return;
    this.problems.push(
      ...citationProblems(block, path, this.index),
      ...unsourcedQuotes(block, path),
    );
    if (node.type === "paragraph") this.tally.add(countFacts(block));
  }
}
