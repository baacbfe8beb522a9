import { FootnoteReferenceRun, Paragraph, type ParagraphChild, TextRun } from "docx";
import { inlineText, textblocks } from "../check/inline.ts";
import { quoteText } from "../check/quote-block.ts";
import { isAttributionLine } from "../schema/attribution.ts";
import type { PMNode } from "../schema/brief.ts";
import type { Block } from "./blocks.ts";
import { renderBlocks } from "./blocks.ts";
import type { BlockOptions, RenderContext } from "./context.ts";
import type { NoteTarget } from "./footnotes.ts";
import { renderInline } from "./inline.ts";
import { StyleId } from "./styles.ts";

const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/** "— Speaker, role (Publisher)": who said it, and where, as far as the brief knows. */
export function attributionText(node: PMNode, ctx: RenderContext): string {
  const articleId = str(node.attrs?.articleId);
  const source = articleId ? ctx.sources[articleId] : undefined;
  const where = source?.publisher ?? source?.title;
  const who = [str(node.attrs?.speaker), str(node.attrs?.speakerRole)].filter(Boolean).join(", ");
  if (who && where) return `— ${who} (${where})`;
  return `— ${who || where || "Unattributed"}`;
}

/** The source a quote's attribution names, or undefined when the quote has no attribution line. */
export function quoteTarget(node: PMNode): NoteTarget | undefined {
  const snippetId = str(node.attrs?.snippetId);
  const articleId = str(node.attrs?.articleId);
  if (!snippetId && !articleId && !str(node.attrs?.speaker)) return undefined;
  return { snippetId, articleId };
}

/** `node` without `line`, and without any container that only held `line`. */
function without(node: PMNode, line: PMNode): PMNode | undefined {
  if (node === line) return undefined;
  if (!node.content?.length) return node;
  const content = node.content.flatMap((child) => without(child, line) ?? []);
  return content.length ? { ...node, content } : undefined;
}

/** A blockquote as export sets it: the quoted blocks, and what its attribution line shows. */
export interface QuoteLayout {
  /** Blocks in the Quote style. */
  quoted: PMNode[];
  /** The source the attribution footnotes; undefined for a quote with no attribution line. */
  target: NoteTarget | undefined;
  /**
   * The "— Name, role" line the brief typed as the quote's last line, or else as the paragraph
   * right after the quote, read as the source check reads one (so a wrong name in it is still
   * flagged). It is the attribution line: the one from the speaker attr would print the
   * attribution twice.
   */
  typed: PMNode | undefined;
  /** True when `typed` is the paragraph after the quote, which the writer then skips. */
  follows: boolean;
}

/**
 * How a blockquote splits into quoted blocks and its attribution, for both Word writers.
 * `next` is the block after it, which is its attribution when it is a paragraph that reads as
 * one and the quote has none typed inside.
 */
export function quoteLayout(node: PMNode, next?: PMNode): QuoteLayout {
  const target = quoteTarget(node);
  const quoted = node.content ?? [];
  if (!target) return { quoted, target, typed: undefined, follows: false };
  if (quoteText(node).attribution !== null) {
    const typed = textblocks(node).at(-1)!;
    return { quoted: without(node, typed)?.content ?? [], target, typed, follows: false };
  }
  const follows = next?.type === "paragraph" && isAttributionLine(inlineText(next).text);
  return { quoted, target, typed: follows ? next : undefined, follows };
}

/**
 * A blockquote in the Quote style. One that came from a quote snippet is followed by its
 * attribution line (the speaker attr's, or the one the brief typed), which ends in the
 * footnote naming the source; the Quote style keeps each quote paragraph with the next, so
 * quote and attribution share a page.
 */
export function renderBlockquote(
  node: PMNode,
  layout: QuoteLayout,
  ctx: RenderContext,
  opts: BlockOptions,
): Block[] {
  const { quoted, target, typed } = layout;
  const body = renderBlocks(quoted, ctx, { ...opts, paragraphStyle: StyleId.quote });
  if (!target) return body;
  const children: ParagraphChild[] = typed
    ? renderInline(typed.content, ctx)
    : [new TextRun(attributionText(node, ctx))];
  if (target.snippetId || target.articleId)
    children.push(new FootnoteReferenceRun(ctx.notes.add(target)));
  return [...body, new Paragraph({ style: StyleId.quoteAttribution, children })];
}
