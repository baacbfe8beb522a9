import { findQuotes, isMentionNotSpeech } from "../ingest/quotes.ts";
import { attributionName } from "../schema/attribution.ts";
import type { Problem } from "../schema/check.ts";
import type { InlineText } from "./inline.ts";
import { stripOuterQuotes } from "./normalise.ts";
import type { SnippetIndex } from "./snippets.ts";
import { speakerProblems } from "./speaker.ts";
import { sourceWords } from "./tokens.ts";
import { type ProblemBase, wordingProblems } from "./wording.ts";

/**
 * Problems of the citations in one paragraph or heading. A citation of a quote snippet must
 * give its words (and, if followed by "— Name", its speaker); a citation of a fact may
 * paraphrase, but any quotation inside it must be the source's words.
 */
export function citationProblems(block: InlineText, path: number[], index: SnippetIndex) {
  return block.citations.flatMap((run): Problem[] => {
    const hit = index.resolve(run.snippetId, run.articleId);
    const base: ProblemBase = {
      path,
      ...(run.snippetId ? { snippetId: run.snippetId } : {}),
      ...(hit || run.articleId ? { articleId: hit?.article.id ?? run.articleId! } : {}),
    };
    const cited = block.text.slice(run.start, run.end);
    if (!hit) {
      // Text pasted from the reader cites the article alone: fine while the article exists,
      // as long as any quotation in it is the article's words.
      const article = run.snippetId ? null : index.article(run.articleId);
      if (!article) return [{ kind: "missing_source", ...base }];
      return quotationsWithin(cited, article.paragraphs, base);
    }
    if (hit.snippet.kind !== "quote") {
      const own = hit.article.paragraphs[hit.snippet.paragraph];
      return quotationsWithin(cited, own ? [own] : [], base, hit.article.paragraphs);
    }
    const name = attributionName(block.text.slice(run.end));
    return [
      ...wordingProblems(hit.snippet.text, stripOuterQuotes(cited), base),
      ...speakerProblems(name ? [name] : [], hit.snippet, base),
    ];
  });
}

/**
 * Quotations inside cited text, each checked against the closest quotation in `near` (the
 * cited snippet's paragraph), or in `all` the article's paragraphs when `near` has none.
 */
function quotationsWithin(
  cited: string,
  near: readonly string[],
  base: ProblemBase,
  everywhere: readonly string[] = near,
): Problem[] {
  const quoted = findQuotes(cited)
    .filter((q) => !isMentionNotSpeech(cited, q))
    .map((q) => cited.slice(q.start, q.end));
  if (!quoted.length) return [];
  const candidates = sourceQuotes(near);
  const all = candidates.length ? candidates : sourceQuotes(everywhere);
  return quoted.flatMap((found): Problem[] => {
    if (all.some((source) => containsWords(source, found))) return [];
    const best = closest(all, found);
    if (!best) return [{ kind: "unsourced_quote", ...base, found }];
    return wordingProblems(best, found, base);
  });
}

function sourceQuotes(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap((p) => findQuotes(p).map((q) => p.slice(q.start, q.end)));
}

const lowerWords = (text: string) => sourceWords(text).map((w) => w.lower);

/** True when `part`'s words appear, in order and together, in `whole`. */
function containsWords(whole: string, part: string): boolean {
  const w = lowerWords(whole);
  const p = lowerWords(part);
  if (!p.length) return true;
  for (let i = 0; i + p.length <= w.length; i++) if (p.every((x, k) => w[i + k] === x)) return true;
  return false;
}

/** The source quotation sharing the most words with `found`, or null when none shares any. */
function closest(sources: readonly string[], found: string): string | null {
  const words = new Set(lowerWords(found));
  let best: string | null = null;
  let score = 0;
  for (const source of sources) {
    const shared = new Set(lowerWords(source).filter((w) => words.has(w))).size;
    if (shared > score) [best, score] = [source, shared];
  }
  return best;
}
