import { findQuotes, isMentionNotSpeech } from "../ingest/quotes.ts";
import type { Problem } from "../schema/check.ts";
import type { InlineText } from "./inline.ts";
import { stripOuterQuotes } from "./normalise.ts";
import type { SnippetIndex, SourceHit } from "./snippets.ts";
import { attributionName, speakerProblems } from "./speaker.ts";
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
    if (!hit) return [{ kind: "missing_source", ...base }];
    const cited = block.text.slice(run.start, run.end);
    if (hit.snippet.kind !== "quote") return quotationsWithin(cited, hit, base);
    const name = attributionName(block.text.slice(run.end));
    return [
      ...wordingProblems(hit.snippet.text, stripOuterQuotes(cited), base),
      ...speakerProblems(name ? [name] : [], hit.snippet.speaker, base),
    ];
  });
}

/** Quotations inside cited text, each checked against the closest quotation in the source. */
function quotationsWithin(cited: string, hit: SourceHit, base: ProblemBase): Problem[] {
  const quoted = findQuotes(cited)
    .filter((q) => !isMentionNotSpeech(cited, q))
    .map((q) => cited.slice(q.start, q.end));
  if (!quoted.length) return [];
  const own = hit.article.paragraphs[hit.snippet.paragraph] ?? "";
  const candidates = sourceQuotes([own]);
  const all = candidates.length ? candidates : sourceQuotes(hit.article.paragraphs);
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
