import { splitSentences } from "./sentences.ts";

/** A title for an article pasted without one: its first sentence, cut at a word near 100 chars. */
export function deriveTitle(paragraphs: string[], headings: ReadonlySet<number>): string {
  const first = paragraphs.find((_, i) => !headings.has(i)) ?? paragraphs[0] ?? "Untitled article";
  const span = splitSentences(first)[0];
  const sentence = (span ? first.slice(span.start, span.end) : first).replace(/[.!?]$/, "");
  if (sentence.length <= 100) return sentence;
  const cut = sentence.lastIndexOf(" ", 100);
  return `${sentence.slice(0, cut > 40 ? cut : 100)}…`;
}
