import type { Article, Snippet } from "../schema/article.ts";
import type { PMNode } from "../schema/brief.ts";
import type { AutoFill } from "../schema/template.ts";
import { snippetNodes } from "./snippet-nodes.ts";

/** Quotes shorter than this are scare quotes ("solid"), not worth a blockquote of their own. */
export const MIN_QUOTE_WORDS = 5;

/**
 * The snippets a section's auto-fill rule picks from `articles`, in reading order (articles
 * in the order given, then by position), skipping snippets in `used` so no snippet lands in
 * two sections. Without a `kind`, "quotes" take quotes and the other forms quotes and facts;
 * headings are taken only when asked for by name. Quotes of fewer than `MIN_QUOTE_WORDS`
 * words are passed over, and unless the rule names a speaker each speaker is heard once
 * before anyone is heard twice.
 */
export function selectSnippets(
  rule: AutoFill,
  articles: readonly Article[],
  used: ReadonlySet<string> = new Set(),
): Snippet[] {
  const candidates = articles
    .filter((a) => !rule.articleId || a.id === rule.articleId)
    .flatMap((a) => [...a.snippets].sort((x, y) => x.paragraph - y.paragraph || x.start - y.start))
    .filter(matches(rule, used));
  if (rule.speaker) return candidates.slice(0, rule.limit);
  const heard = new Set<string>();
  const firstVoices = candidates.filter((s) => {
    if (s.kind !== "quote" || !s.speaker) return true;
    const first = !heard.has(s.speaker);
    heard.add(s.speaker);
    return first;
  });
  const chosen = new Set(firstVoices.slice(0, rule.limit));
  for (const s of candidates) if (chosen.size < rule.limit) chosen.add(s);
  return candidates.filter((s) => chosen.has(s));
}

function matches(rule: AutoFill, used: ReadonlySet<string>): (s: Snippet) => boolean {
  const kinds = rule.kind ? [rule.kind] : rule.as === "quotes" ? ["quote"] : ["quote", "fact"];
  const speaker = rule.speaker?.toLowerCase();
  const entity = rule.entity ? mentionPattern(rule.entity) : null;
  return (s) =>
    !used.has(s.id) &&
    kinds.includes(s.kind) &&
    s.text.trim() !== "" &&
    (s.kind !== "quote" || wordCount(s.text) >= MIN_QUOTE_WORDS) &&
    (!speaker || (s.speaker?.toLowerCase().includes(speaker) ?? false)) &&
    (!entity || entity.test([s.text, s.speaker, s.speakerRole].join(" ")));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * A section's drafted content: the snippets its rule selects, rendered as the rule says.
 * Adds the snippets it uses to `used`.
 */
export function autofill(
  rule: AutoFill,
  articles: readonly Article[],
  used: Set<string>,
): PMNode[] {
  const snippets = selectSnippets(rule, articles, used);
  for (const s of snippets) used.add(s.id);
  return snippetNodes(rule.as, snippets);
}

/** Matches `entity` as whole words, ignoring case: "Kim" finds "Kim Jong Un", not "Kimchi". */
function mentionPattern(entity: string): RegExp {
  const escaped = entity.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu");
}
