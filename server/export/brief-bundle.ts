import type { Article } from "../schema/article.ts";
import type { PMNode } from "../schema/brief.ts";
import type { BundleSource } from "../schema/bundle.ts";
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

/** The articles with these ids, by id; one deleted since is simply absent. */
export async function loadArticles(
  repo: Pick<ArticleRepo, "get">,
  ids: Iterable<string>,
): Promise<Map<string, Article>> {
  const found = new Map<string, Article>();
  for (const id of ids) {
    const article = await repo.get(id);
    if (article) found.set(id, article);
  }
  return found;
}

/** The articles the body cites, by id; one deleted since is simply absent. */
export function loadCitedArticles(
  body: PMNode,
  repo: Pick<ArticleRepo, "get">,
): Promise<Map<string, Article>> {
  return loadArticles(repo, citedArticleIds(body));
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
