import type Database from "better-sqlite3";
import type { Article, ArticleSummary } from "../../schema/article.ts";
import type { ArticleRepo } from "../store.ts";

interface SummaryRow {
  id: string;
  title: string;
  source: string | null;
  snippet_count: number;
  created_at: string;
}

export function sqliteArticles(db: Database.Database): ArticleRepo {
  const insert = db.prepare(
    "INSERT INTO articles (id, title, body, snippet_count, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const byId = db.prepare("SELECT body FROM articles WHERE id = ?");
  const all = db.prepare(
    `SELECT id, title, json_extract(body, '$.source') AS source, snippet_count, created_at
     FROM articles ORDER BY created_at DESC, id`,
  );
  const remove = db.prepare("DELETE FROM articles WHERE id = ?");
  const count = db.prepare("SELECT COUNT(*) AS n FROM articles");

  return {
    async create(article) {
      const now = new Date().toISOString();
      insert.run(article.id, article.title, JSON.stringify(article), article.snippets.length, now);
    },
    async get(id) {
      const row = byId.get(id) as { body: string } | undefined;
      return row ? (JSON.parse(row.body) as Article) : null;
    },
    async list() {
      return (all.all() as SummaryRow[]).map(
        (r): ArticleSummary => ({
          id: r.id,
          title: r.title,
          ...(r.source ? { source: JSON.parse(r.source) } : {}),
          createdAt: r.created_at,
          snippetCount: r.snippet_count,
        }),
      );
    },
    async delete(id) {
      return remove.run(id).changes > 0;
    },
    async count() {
      return (count.get() as { n: number }).n;
    },
  };
}
