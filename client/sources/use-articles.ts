import { useCallback, useEffect, useState } from "react";
import type { Article, ArticleSummary } from "../../server/schema/article.ts";
import { articlesApi } from "../api/articles.ts";
import { readableError } from "../api/errors.ts";

export interface ArticlesState {
  summaries: ArticleSummary[] | null;
  error: string | null;
  /** Full articles (paragraphs and snippets) loaded so far, by id. */
  bodies: Record<string, Article>;
  reload: () => void;
  /** Loads the given articles' bodies if they aren't loaded yet. */
  ensure: (ids: string[]) => void;
  /** Records an article just imported. */
  add: (article: Article) => void;
}

/** The team's imported articles, with bodies fetched as they are needed. */
export function useArticles(): ArticlesState {
  const [summaries, setSummaries] = useState<ArticleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [bodies, setBodies] = useState<Record<string, Article>>({});
  const [pending] = useState(() => new Set<string>());

  const reload = useCallback(() => {
    setError(null);
    articlesApi.list().then(setSummaries, (err: unknown) => setError(readableError(err)));
  }, []);
  useEffect(reload, [reload]);

  const ensure = useCallback(
    (ids: string[]) => {
      for (const id of ids) {
        if (pending.has(id)) continue;
        pending.add(id);
        articlesApi.get(id).then(
          (article) => setBodies((b) => ({ ...b, [id]: article })),
          (err: unknown) => {
            pending.delete(id);
            setError(`Couldn't open an article: ${readableError(err)}`);
          },
        );
      }
    },
    [pending],
  );

  const add = useCallback(
    (article: Article) => {
      pending.add(article.id);
      setBodies((b) => ({ ...b, [article.id]: article }));
      const summary: ArticleSummary = {
        id: article.id,
        title: article.title,
        source: article.source,
        createdAt: new Date().toISOString(),
        snippetCount: article.snippets.length,
      };
      setSummaries((list) => [summary, ...(list ?? []).filter((a) => a.id !== article.id)]);
    },
    [pending],
  );

  return { summaries, error, bodies, reload, ensure, add };
}
