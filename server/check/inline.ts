import type { PMNode } from "../schema/brief.ts";

/** A stretch of a block's text carrying one citation mark. */
export interface CitationRun {
  start: number;
  end: number;
  snippetId: string | null;
  articleId: string | null;
}

/** A textblock's text (hard breaks as "\n") and the citation runs over it. */
export interface InlineText {
  text: string;
  citations: CitationRun[];
}

const idOf = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

/**
 * The text of a paragraph or heading with its citations as offsets. Adjacent text nodes citing
 * the same snippet (split by bold or italic, say) form one run.
 */
export function inlineText(block: PMNode): InlineText {
  let text = "";
  const citations: CitationRun[] = [];
  for (const child of block.content ?? []) {
    const piece =
      child.type === "text" ? (child.text ?? "") : child.type === "hardBreak" ? "\n" : "";
    const mark = child.marks?.find((m) => m.type === "citation");
    const start = text.length;
    text += piece;
    if (!mark || !piece) continue;
    const snippetId = idOf(mark.attrs?.snippetId);
    const articleId = idOf(mark.attrs?.articleId);
    const last = citations.at(-1);
    if (last && last.end === start && last.snippetId === snippetId && last.articleId === articleId)
      last.end = text.length;
    else citations.push({ start, end: text.length, snippetId, articleId });
  }
  return { text, citations };
}

/** True when [start, end) shares a character with a citation run. */
export function isCited(block: InlineText, start: number, end: number): boolean {
  return block.citations.some((c) => c.start < end && start < c.end);
}

/** Paragraphs and headings in `node` (itself included), in reading order. */
export function textblocks(node: PMNode): PMNode[] {
  if (node.type === "paragraph" || node.type === "heading") return [node];
  if (node.type === "codeBlock") return [];
  return (node.content ?? []).flatMap(textblocks);
}
