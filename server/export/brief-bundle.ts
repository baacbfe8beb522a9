import type * as Y from "yjs";
import { bodyToJSON } from "../collab/body-json.ts";
import { readMeta } from "../collab/meta.ts";
import type { Article } from "../schema/article.ts";
import type { PMNode } from "../schema/brief.ts";
import type { Bundle, BundleSource } from "../schema/bundle.ts";
import type { ArticleRepo } from "../store/store.ts";

/** Article ids the body cites: through snippet blockquotes and citation marks. */
export function citedArticleIds(node: PMNode, into = new Set<string>()): Set<string> {
  const id = node.attrs?.articleId;
  if (node.type === "blockquote" && typeof id === "string" && id) into.add(id);
  for (const mark of node.marks ?? []) {
    const cited = mark.attrs?.articleId;
    if (mark.type === "citation" && typeof cited === "string" && cited) into.add(cited);
  }
  for (const child of node.content ?? []) citedArticleIds(child, into);
  return into;
}

/** The articles the body cites, by id; one deleted since is simply absent. */
export async function loadCitedArticles(
  body: PMNode,
  articles: Pick<ArticleRepo, "get">,
): Promise<Map<string, Article>> {
  const found = new Map<string, Article>();
  for (const id of citedArticleIds(body)) {
    const article = await articles.get(id);
    if (article) found.set(id, article);
  }
  return found;
}

/** An article's source details as the export names them. */
export function bundleSource(article: Article): BundleSource {
  const { publisher, url, publishedAt, author } = article.source ?? {};
  return {
    title: article.title,
    ...(publisher ? { publisher } : {}),
    ...(url ? { url } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(author ? { author } : {}),
  };
}

/**
 * The export bundle of a brief's document: title and fields from `meta`, the body, and
 * the sources its citations name (an article deleted since is simply absent; the footnote
 * then says the source is not recorded). `articles` are the cited articles themselves.
 */
export async function briefBundle(
  doc: Y.Doc,
  repo: Pick<ArticleRepo, "get">,
): Promise<{ bundle: Bundle; articles: Map<string, Article> }> {
  const meta = readMeta(doc);
  const body = bodyToJSON(doc);
  const articles = await loadCitedArticles(body, repo);
  const sources: Record<string, BundleSource> = {};
  for (const [id, article] of articles) sources[id] = bundleSource(article);
  return { bundle: { title: meta.title, fields: meta.fields, doc: body, sources }, articles };
}
