import { findQuotes, isMentionNotSpeech } from "../ingest/quotes.ts";
import type { Problem } from "../schema/check.ts";
import { type InlineText, isCited } from "./inline.ts";

/**
 * Quotations (by the extractor's reading of quote marks) that no citation touches. Names and
 * so-called terms ("the so-called 'nuclear umbrella'") are not speech and pass.
 */
export function unsourcedQuotes(block: InlineText, path: number[]): Problem[] {
  return findQuotes(block.text)
    .filter((q) => !isMentionNotSpeech(block.text, q) && !isCited(block, q.open, q.close + 1))
    .map((q) => ({ kind: "unsourced_quote", path, found: block.text.slice(q.start, q.end) }));
}
