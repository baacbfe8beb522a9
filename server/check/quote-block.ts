import { attributionName, isAttributionLine } from "../schema/attribution.ts";
import type { PMNode } from "../schema/brief.ts";
import type { Problem } from "../schema/check.ts";
import { inlineText, textblocks } from "./inline.ts";
import { stripOuterQuotes } from "./normalise.ts";
import type { SnippetIndex } from "./snippets.ts";
import { speakerProblems } from "./speaker.ts";
import { type ProblemBase, wordingProblems } from "./wording.ts";

const idOf = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

/** True for a blockquote that came from a quote snippet. */
export function isSnippetQuote(node: PMNode): boolean {
  return node.type === "blockquote" && idOf(node.attrs?.snippetId) !== null;
}

/** A snippet blockquote's quoted words, without a closing "— Name" line if it has one. */
export function quoteText(node: PMNode): { quote: string; attribution: string | null } {
  const lines = textblocks(node).map((b) => inlineText(b).text);
  const last = lines.at(-1);
  const attribution = lines.length > 1 && last && isAttributionLine(last) ? last : null;
  const quote = (attribution ? lines.slice(0, -1) : lines).join(" ");
  return { quote, attribution };
}

/**
 * Problems of a snippet blockquote: its wording against the snippet, and its speaker (the
 * `speaker` attr, a closing "— Name" line, or `follower`, the attribution paragraph right
 * after the blockquote) against the snippet's.
 */
export function quoteBlockProblems(
  node: PMNode,
  path: number[],
  follower: string | null,
  index: SnippetIndex,
): Problem[] {
  const snippetId = idOf(node.attrs?.snippetId);
  const articleId = idOf(node.attrs?.articleId);
  const hit = index.resolve(snippetId, articleId);
  const base: ProblemBase = {
    path,
    ...(snippetId ? { snippetId } : {}),
    ...(hit || articleId ? { articleId: hit?.article.id ?? articleId! } : {}),
  };
  if (!hit) return [{ kind: "missing_source", ...base }];
  const { quote, attribution } = quoteText(node);
  const names = [
    idOf(node.attrs?.speaker),
    attribution && attributionName(attribution),
    follower && attributionName(follower),
  ].filter((n): n is string => !!n);
  return [
    ...wordingProblems(hit.snippet.text, stripOuterQuotes(quote), base),
    ...speakerProblems(names, hit.snippet, base),
  ];
}
