import type { Article, ArticleImport, ArticleSummary } from "../../server/schema/article.ts";
import { apiFetch, client, done, ok } from "./client.ts";
import { errorFromResponse } from "./errors.ts";

const articles = client.api.articles;

/** Imported articles and their snippets. */
export const articlesApi = {
  list: async (): Promise<ArticleSummary[]> => {
    const body: unknown = await ok(articles.$get());
    return Array.isArray(body) ? body : (body as { articles: ArticleSummary[] }).articles;
  },
  get: async (id: string): Promise<Article> =>
    ok(articles[":id"].$get({ param: { id } })) as Promise<Article>,
  import: async (input: ArticleImport): Promise<Article> =>
    ok(articles.$post({ json: input } as never)) as Promise<Article>,
  /** Uploads a .txt, .html or .docx file as the multipart field `file`. */
  async upload(file: File): Promise<Article> {
    const form = new FormData();
    form.set("file", file);
    const res = await apiFetch(articles.$url(), { method: "POST", body: form });
    if (!res.ok) throw await errorFromResponse(res);
    return (await res.json()) as Article;
  },
  remove: (id: string) => done(articles[":id"].$delete({ param: { id } })),
};
