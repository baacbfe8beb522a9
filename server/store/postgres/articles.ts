import type pg from "pg";
import type { Article, ArticleSummary } from "../../schema/article.ts";
import type { ArticleRepo } from "../store.ts";

export function pgArticles(pool: pg.Pool): ArticleRepo {
  return {
    async create(article) {
      await pool.query(
        "INSERT INTO articles (id, title, body, snippet_count, created_at) VALUES ($1, $2, $3, $4, $5)",
        [
          article.id,
          article.title,
          JSON.stringify(article),
          article.snippets.length,
          new Date().toISOString(),
        ],
      );
    },
    async get(id) {
      const { rows } = await pool.query<{ body: string }>(
        "SELECT body FROM articles WHERE id = $1",
        [id],
      );
      return rows[0] ? (JSON.parse(rows[0].body) as Article) : null;
    },
    async list() {
      const { rows } = await pool.query<{
        id: string;
        title: string;
        source: string | null;
        snippet_count: number;
        created_at: string;
      }>(
        `SELECT id, title, (body::jsonb -> 'source')::text AS source, snippet_count, created_at
         FROM articles ORDER BY created_at DESC, id`,
      );
      return rows.map(
        (r): ArticleSummary => ({
          id: r.id,
          title: r.title,
          ...(r.source && r.source !== "null" ? { source: JSON.parse(r.source) } : {}),
          createdAt: r.created_at,
          snippetCount: r.snippet_count,
        }),
      );
    },
    async delete(id) {
      const res = await pool.query("DELETE FROM articles WHERE id = $1", [id]);
      return (res.rowCount ?? 0) > 0;
    },
    async count() {
      const { rows } = await pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM articles");
      return Number(rows[0]?.n ?? 0);
    },
  };
}
