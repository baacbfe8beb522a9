import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Env } from "../env.ts";
import { badRequest, notFound, tooLarge, unsupportedMedia } from "../errors.ts";
import type { UploadedFile } from "../ingest/decode-upload.ts";
import type { ArticleInput } from "../ingest/extract.ts";
import { fetchArticleUrl } from "../ingest/fetch-url.ts";
import { type Article, ArticleImportSchema } from "../schema/article.ts";
import type { Store } from "../store/store.ts";
import { extractArticleInWorker } from "../workers/pool.ts";
import { describeIssues } from "./validation.ts";

export interface ArticlesDeps {
  store: Store;
  env: Pick<Env, "MAX_ARTICLE_BYTES" | "ALLOW_PRIVATE_URLS">;
  /** Applied to imports (they cost CPU and, for URLs, outbound requests). */
  importLimit: MiddlewareHandler;
}

/**
 * Articles: import (JSON text, HTML or URL, or a multipart file), list, read, delete. Every
 * import runs the extractor (in a worker thread, beside exports), so the article comes back
 * with its snippets.
 */
export function articlesRoutes(deps: ArticlesDeps) {
  const { store, env } = deps;
  const limit = bodyLimit({
    // Multipart framing and JSON escaping add a little to the article itself.
    maxSize: env.MAX_ARTICLE_BYTES + 64 * 1024,
    onError: () => {
      throw tooLarge(`Articles are limited to ${(env.MAX_ARTICLE_BYTES / 1e6).toFixed(1)} MB.`);
    },
  });

  async function readImport(
    contentType: string,
    req: Request,
  ): Promise<ArticleInput | UploadedFile> {
    if (contentType.startsWith("multipart/form-data")) {
      const form = await req.formData().catch(() => {
        throw badRequest("invalid_upload", "The upload could not be read as a form.");
      });
      const file = form.get("file");
      if (!(file instanceof File))
        throw badRequest("invalid_upload", "Attach the article as the form field `file`.");
      if (file.size > env.MAX_ARTICLE_BYTES)
        throw tooLarge("The file is larger than the article size limit.");
      const title = form.get("title");
      // Decoded with the extraction, in a worker: a .docx takes mammoth to read.
      return {
        file: { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, type: file.type },
        ...(typeof title === "string" && title.trim() ? { title: title.trim() } : {}),
      };
    }
    if (!contentType.startsWith("application/json")) {
      throw unsupportedMedia("Send JSON ({text}, {html} or {url}) or a multipart file upload.");
    }
    const json = await req.json().catch(() => {
      throw badRequest("invalid_json", "The request body is not valid JSON.");
    });
    const parsed = ArticleImportSchema.safeParse(json);
    if (!parsed.success) {
      throw badRequest(
        "invalid_json",
        `Send exactly one of text, html or url. ${describeIssues(parsed.error.issues)}`,
      );
    }
    const body = parsed.data;
    const meta = {
      ...(body.title ? { title: body.title } : {}),
      ...(body.source ? { source: body.source } : {}),
    };
    if ("text" in body) {
      if (body.text.length > env.MAX_ARTICLE_BYTES)
        throw tooLarge("The text is larger than the article size limit.");
      return { text: body.text, ...meta };
    }
    if ("html" in body) {
      if (body.html.length > env.MAX_ARTICLE_BYTES)
        throw tooLarge("The HTML is larger than the article size limit.");
      return { html: body.html, ...meta };
    }
    const page = await fetchArticleUrl(body.url, {
      allowPrivate: env.ALLOW_PRIVATE_URLS ?? false,
      maxBytes: env.MAX_ARTICLE_BYTES,
    });
    const { url: _requested, ...content } = page;
    return { ...content, ...meta, source: { url: page.url, ...body.source } };
  }

  async function mustGet(id: string): Promise<Article> {
    const article = await store.articles.get(id);
    if (!article) throw notFound("article", id);
    return article;
  }

  return new Hono()
    .get("/", async (c) => c.json({ articles: await store.articles.list() }))
    .post("/", deps.importLimit, limit, async (c) => {
      const input = await readImport(c.req.header("content-type") ?? "", c.req.raw);
      // The same page imported again (a team's second link to one story) is the article the
      // team already has: 200 with it, not a copy whose snippets would show twice.
      const url = "source" in input ? input.source?.url : undefined;
      const known = url ? (await store.articles.list()).find((a) => a.source?.url === url) : null;
      if (known) return c.json(await mustGet(known.id), 200);
      const article = await extractArticleInWorker(input, randomUUID());
      await store.articles.create(article);
      return c.json(article, 201);
    })
    .get("/:id", async (c) => c.json(await mustGet(c.req.param("id"))))
    .delete("/:id", async (c) => {
      const id = c.req.param("id");
      if (!(await store.articles.delete(id))) throw notFound("article", id);
      return c.body(null, 204);
    });
}
