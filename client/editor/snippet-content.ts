import type { Snippet } from "../../server/schema/article.ts";
import type { PMNode } from "../../server/schema/brief.ts";

/** Drag data type carrying a snippet from the sources panel into the editor. */
export const SNIPPET_MIME = "application/x-briefroom-snippet";

/**
 * A snippet as editor content: a quote becomes a blockquote carrying its speaker and where it
 * came from (export footnotes the blockquote); anything else becomes text with a citation
 * mark, followed by a plain space so typing on does not extend the citation.
 */
export function snippetContent(snippet: Snippet): PMNode[] {
  if (snippet.kind === "quote") {
    return [
      {
        type: "blockquote",
        attrs: {
          snippetId: snippet.id,
          speaker: snippet.speaker ?? null,
          speakerRole: snippet.speakerRole ?? null,
          articleId: snippet.articleId,
        },
        content: [{ type: "paragraph", content: [{ type: "text", text: snippet.text }] }],
      },
    ];
  }
  return [
    {
      type: "text",
      text: snippet.text,
      marks: [{ type: "citation", attrs: { snippetId: snippet.id, articleId: snippet.articleId } }],
    },
    { type: "text", text: " " },
  ];
}

/** Reads a snippet back from drag data; null for anything else. */
export function snippetFromDrag(data: string): Snippet | null {
  try {
    const value = JSON.parse(data) as Partial<Snippet>;
    const kinds = ["quote", "fact", "heading"];
    if (typeof value.id !== "string" || typeof value.articleId !== "string") return null;
    if (typeof value.text !== "string" || !kinds.includes(value.kind as string)) return null;
    return value as Snippet;
  } catch {
    return null;
  }
}
