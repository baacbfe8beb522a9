import type * as Y from "yjs";
import { bodyToJSON } from "../collab/body-json.ts";
import { readMeta } from "../collab/meta.ts";
import type { PMNode } from "../schema/brief.ts";
import type { Bundle, BundleSource } from "../schema/bundle.ts";
import type { ArticleRepo } from "../store/store.ts";

/** Article ids the body cites: through snippet blockquotes and citation marks. */
export function citedArticleIds(node: PMNode, into = new Set<string>()): Set<string> {
  const id = node.attrs?.articleId;
  if (node.type === "blockquote" && typeof id === "string") into.add(id);
  for (const mark of node.marks ?? []) {
    const cited = mark.attrs?.articleId;
    if (mark.type === "citation" && typeof cited === "string") into.add(cited);
  }
  for (const child of node.content ?? []) citedArticleIds(child, into);
  return into;
}

/**
 * The export bundle of a brief's document: title and fields from `meta`, the body, and
 * the sources its citations name (an article deleted since is simply absent; the footnote
 * then says the source is not recorded).
 */
export async function briefBundle(doc: Y.Doc, articles: Pick<ArticleRepo, "get">): Promise<Bundle> {
  const meta = readMeta(doc);
  const body = bodyToJSON(doc);
  const sources: Record<string, BundleSource> = {};
  for (const id of citedArticleIds(body)) {
    const article = await articles.get(id);
    if (!article) continue;
    const { publisher, url, publishedAt, author } = article.source ?? {};
    sources[id] = {
      title: article.title,
      ...(publisher ? { publisher } : {}),
      ...(url ? { url } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...(author ? { author } : {}),
    };
  }
  return { title: meta.title, fields: meta.fields, doc: body, sources };
}
