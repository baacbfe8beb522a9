import { fullSourceText } from "../export/source-text.ts";
import { sourcesSectionEnd } from "../export/sources-list.ts";
import type { Article, Snippet } from "../schema/article.ts";
import type { PMNode } from "../schema/brief.ts";
import type { BundleSource } from "../schema/bundle.ts";

const text = (value: string, marks?: PMNode["marks"]): PMNode =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
const paragraph = (...content: PMNode[]): PMNode => ({ type: "paragraph", content });
const heading = (value: string, level: number): PMNode => ({
  type: "heading",
  attrs: { level },
  content: [text(value)],
});

/** Snippet ids of the brief's quotations, in document order, each once. */
function quotedSnippetIds(node: PMNode, into: string[] = []): string[] {
  const own = node.type === "blockquote" ? node.attrs?.snippetId : undefined;
  if (typeof own === "string" && own && !into.includes(own)) into.push(own);
  for (const mark of node.marks ?? []) {
    const id = mark.attrs?.snippetId;
    if (mark.type === "citation" && typeof id === "string" && id && !into.includes(id)) {
      into.push(id);
    }
  }
  for (const child of node.content ?? []) quotedSnippetIds(child, into);
  return into;
}

/** One annex entry: the quote, the source paragraph it sits in (quote in bold), the source. */
function entry(snippet: Snippet, article: Article, source: BundleSource | undefined): PMNode[] {
  const around = article.paragraphs[snippet.paragraph] ?? "";
  const speaker = snippet.speaker
    ? ` — ${snippet.speaker}${snippet.speakerRole ? `, ${snippet.speakerRole}` : ""}`
    : "";
  const before = around.slice(0, snippet.start);
  const after = around.slice(snippet.end);
  return [
    paragraph(text(`“${snippet.text}”`, [{ type: "italic" }]), text(speaker)),
    {
      type: "blockquote",
      content: [
        paragraph(
          ...(before ? [text(before)] : []),
          text(around.slice(snippet.start, snippet.end), [{ type: "bold" }]),
          ...(after ? [text(after)] : []),
        ),
      ],
    },
    paragraph(
      text(
        `Paragraph ${snippet.paragraph + 1} of ${source ? fullSourceText(source) : `“${article.title}”.`}`,
      ),
    ),
  ];
}

/**
 * The body with an "Evidence annex" after its Sources section: every quotation and cited
 * snippet the brief uses, with the source paragraph around it and the source's details.
 * A brief with no Sources heading of its own gets one (where the export's Sources list goes)
 * when it cites anything, so the annex comes after the list. Snippets whose article is gone
 * are left out; the check reports them as missing sources.
 */
export function withEvidenceAnnex(
  body: PMNode,
  articles: ReadonlyMap<string, Article>,
  sources: Record<string, BundleSource>,
): PMNode {
  const snippets = new Map<string, { snippet: Snippet; article: Article }>();
  for (const article of articles.values()) {
    for (const snippet of article.snippets) snippets.set(snippet.id, { snippet, article });
  }
  const entries = quotedSnippetIds(body).flatMap((id) => {
    const found = snippets.get(id);
    return found ? entry(found.snippet, found.article, sources[found.article.id]) : [];
  });
  if (entries.length === 0) return body;
  const nodes = [...(body.content ?? [])];
  const end = sourcesSectionEnd(nodes);
  const annex = [heading("Evidence annex", 1), ...entries];
  if (end === undefined) {
    const sourcesHeading = Object.keys(sources).length > 0 ? [heading("Sources", 1)] : [];
    return { ...body, content: [...nodes, ...sourcesHeading, ...annex] };
  }
  return { ...body, content: [...nodes.slice(0, end), ...annex, ...nodes.slice(end)] };
}
