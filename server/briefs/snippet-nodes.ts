import type { Snippet } from "../schema/article.ts";
import type { PMNode } from "../schema/brief.ts";
import type { AutoFill } from "../schema/template.ts";

/**
 * Snippets as editor content. "quotes": a blockquote per snippet carrying its snippetId,
 * speaker, speakerRole and articleId (export footnotes the blockquote itself, so its text has
 * no citation mark). "bullets": one list item per snippet, "cited-sentences": one paragraph
 * per snippet, their text carrying a `citation` mark.
 */
export function snippetNodes(as: AutoFill["as"], snippets: readonly Snippet[]): PMNode[] {
  if (!snippets.length) return [];
  if (as === "quotes") return snippets.map(quoteBlock);
  if (as === "bullets") {
    const items = snippets.map((s) => ({ type: "listItem", content: [paragraph(citedText(s))] }));
    return [{ type: "bulletList", content: items }];
  }
  return snippets.map((s) => paragraph(citedText(s)));
}

/** A quote snippet as the blockquote the editor schema defines for it. */
export function quoteBlock(s: Snippet): PMNode {
  return {
    type: "blockquote",
    attrs: {
      snippetId: s.id,
      speaker: s.speaker ?? null,
      speakerRole: s.speakerRole ?? null,
      articleId: s.articleId,
    },
    content: [paragraph([text(s.text)])],
  };
}

/** A snippet as inline text resting on it: facts as they are, quotes in marks with speaker. */
export function citedText(s: Snippet): PMNode[] {
  const citation = { type: "citation", attrs: { snippetId: s.id, articleId: s.articleId } };
  if (s.kind !== "quote") return [text(s.text, [citation])];
  const quoted = text(`“${s.text}”`, [citation]);
  if (!s.speaker) return [quoted];
  return [quoted, text(` — ${s.speaker}${s.speakerRole ? `, ${s.speakerRole}` : ""}`)];
}

function paragraph(content: PMNode[]): PMNode {
  return { type: "paragraph", content };
}

function text(value: string, marks?: PMNode["marks"]): PMNode {
  return marks ? { type: "text", text: value, marks } : { type: "text", text: value };
}
