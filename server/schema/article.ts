import { z } from "zod";

/** Where an article was published; every part is optional because pasted text rarely says. */
export const SourceSchema = z.object({
  publisher: z.string().max(300).optional(),
  url: z.string().url().max(2048).optional(),
  author: z.string().max(300).optional(),
  publishedAt: z.string().max(64).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const SnippetKind = z.enum(["quote", "fact", "heading"]);
export type SnippetKind = z.infer<typeof SnippetKind>;

/**
 * A piece of an article worth citing. `paragraphs[paragraph].slice(start, end) === text`
 * always holds for the article it belongs to (for quotes: the quoted words, no marks).
 */
export const SnippetSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  kind: SnippetKind,
  text: z.string(),
  speaker: z.string().optional(),
  speakerRole: z.string().optional(),
  paragraph: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Snippet = z.infer<typeof SnippetSchema>;

export const EntitiesSchema = z.object({
  people: z.array(z.string()),
  orgs: z.array(z.string()),
  places: z.array(z.string()),
});
export type Entities = z.infer<typeof EntitiesSchema>;

/** An imported article: its body paragraphs, the chrome removed from it, and its snippets. */
export const ArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  source: SourceSchema.optional(),
  paragraphs: z.array(z.string()),
  boilerplate: z.array(z.string()),
  snippets: z.array(SnippetSchema),
  entities: EntitiesSchema,
});
export type Article = z.infer<typeof ArticleSchema>;

/** The list view of an article: no body. */
export type ArticleSummary = Pick<Article, "id" | "title" | "source"> & {
  createdAt: string;
  snippetCount: number;
};

const ImportMeta = {
  title: z.string().trim().min(1).max(500).optional(),
  source: SourceSchema.optional(),
};

/** Body of `POST /api/articles` as JSON: exactly one of text, html or url. */
export const ArticleImportSchema = z.union([
  z.object({ text: z.string(), ...ImportMeta }).strict(),
  z.object({ html: z.string(), ...ImportMeta }).strict(),
  z.object({ url: z.string().url().max(2048), ...ImportMeta }).strict(),
]);
export type ArticleImport = z.infer<typeof ArticleImportSchema>;
