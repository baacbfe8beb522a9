import { FootnoteReferenceRun, Paragraph, TextRun } from "docx";
import type { PMNode } from "../schema/brief.ts";
import type { Block } from "./blocks.ts";
import { renderBlocks } from "./blocks.ts";
import type { BlockOptions, RenderContext } from "./context.ts";
import type { NoteTarget } from "./footnotes.ts";
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

/**
 * A blockquote in the Quote style. One that came from a quote snippet is followed by its
 * attribution line, which ends in the footnote naming the source; the Quote style keeps each
 * quote paragraph with the next, so quote and attribution share a page.
 */
export function renderBlockquote(node: PMNode, ctx: RenderContext, opts: BlockOptions): Block[] {
  const body = renderBlocks(node.content ?? [], ctx, { ...opts, paragraphStyle: StyleId.quote });
  const target = quoteTarget(node);
  if (!target) return body;
  const children: (TextRun | FootnoteReferenceRun)[] = [new TextRun(attributionText(node, ctx))];
  if (target.snippetId || target.articleId)
    children.push(new FootnoteReferenceRun(ctx.notes.add(target)));
  return [...body, new Paragraph({ style: StyleId.quoteAttribution, children })];
}
