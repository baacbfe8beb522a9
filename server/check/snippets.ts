import type { Article, Snippet } from "../schema/article.ts";

/** A snippet and the article it belongs to. */
export interface SourceHit {
  snippet: Snippet;
  article: Article;
}

/** Finds the snippet a blockquote or citation names, in the articles the brief cites. */
export class SnippetIndex {
  private readonly byKey = new Map<string, SourceHit>();
  private readonly byId = new Map<string, SourceHit>();

  constructor(private readonly articles: ReadonlyMap<string, Article>) {
    for (const [articleId, article] of articles)
      for (const snippet of article.snippets) {
        const hit = { snippet, article };
        this.byKey.set(`${articleId}\n${snippet.id}`, hit);
        if (!this.byId.has(snippet.id)) this.byId.set(snippet.id, hit);
      }
  }

  /** The snippet, looked up within `articleId` when the document names one; null if gone. */
  resolve(snippetId: string | null, articleId: string | null): SourceHit | null {
    if (!snippetId) return null;
    if (articleId) return this.byKey.get(`${articleId}\n${snippetId}`) ?? null;
    return this.byId.get(snippetId) ?? null;
  }

  /** The article itself, for a citation that names no snippet (text pasted from the reader). */
  article(articleId: string | null): Article | null {
    return (articleId && this.articles.get(articleId)) || null;
  }
}
