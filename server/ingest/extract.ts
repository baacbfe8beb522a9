import { randomUUID } from "node:crypto";
import { badRequest, tooLarge } from "../errors.ts";
import { type Article, ArticleSchema, type Snippet, type Source } from "../schema/article.ts";
import { cleanLines, type PageLine } from "./clean.ts";
import { findEntities } from "./entities.ts";
import { findFacts } from "./facts.ts";
import { readHtmlPage } from "./html.ts";
import { forgetMemos } from "./memo.ts";
import { attributeQuotes } from "./speakers.ts";
import { splitLines } from "./text-lines.ts";
import { deriveTitle } from "./title.ts";

/** What an article can be extracted from: pasted text, a page's HTML, or lines read from a file. */
export interface ArticleInput {
  text?: string;
  html?: string;
  lines?: PageLine[];
  title?: string;
  source?: Source;
}

/** Inputs longer than this are refused: no news article comes near it. */
export const MAX_INPUT_CHARS = 2_000_000;

type Draft = Omit<Snippet, "id" | "articleId">;

function readInput(input: ArticleInput) {
  const given = [input.text, input.html, input.lines].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw badRequest("invalid_article", "Give exactly one of text, html or lines.");
  const raw = input.text ?? input.html ?? "";
  if (raw.length > MAX_INPUT_CHARS)
    throw tooLarge(`Articles are limited to ${MAX_INPUT_CHARS} characters.`);
  if (raw.includes("\u0000"))
    throw badRequest("binary_input", "The article looks like binary data, not text.");
  if (input.lines) return { lines: input.lines, outside: [], meta: {} };
  if (input.html !== undefined) {
    const page = readHtmlPage(input.html);
    const lines = page.title
      ? [{ text: page.title, kind: "title" as const }, ...page.lines]
      : page.lines;
    return { lines, outside: page.outside, meta: page.meta };
  }
  return { lines: splitLines(raw).map((text) => ({ text })), outside: [], meta: {} };
}

function snippets(paragraphs: string[], headings: Set<number>) {
  const drafts: Draft[] = [];
  const { quotes, people } = attributeQuotes(paragraphs, headings);
  for (const q of quotes) {
    const text = paragraphs[q.paragraph]!.slice(q.span.start, q.span.end);
    drafts.push({
      kind: "quote",
      text,
      paragraph: q.paragraph,
      start: q.span.start,
      end: q.span.end,
      ...(q.speaker ? { speaker: q.speaker } : {}),
      ...(q.role ? { speakerRole: q.role } : {}),
    });
  }
  paragraphs.forEach((text, paragraph) => {
    if (headings.has(paragraph))
      drafts.push({ kind: "heading", text, paragraph, start: 0, end: text.length });
    else
      for (const { start, end } of findFacts(text))
        drafts.push({ kind: "fact", text: text.slice(start, end), paragraph, start, end });
  });
  drafts.sort(
    (a, b) => a.paragraph - b.paragraph || a.start - b.start || a.kind.localeCompare(b.kind),
  );
  return { drafts, people };
}

/**
 * Extracts an Article from text, HTML or file lines: cleans the page chrome into
 * `boilerplate`, then finds quotations (with speakers), facts, headings and entities. Every
 * snippet satisfies `paragraphs[paragraph].slice(start, end) === text`.
 */
export function extractArticle(input: ArticleInput, opts: { id?: string } = {}): Article {
  forgetMemos();
  try {
    return extract(input, opts.id ?? randomUUID());
  } finally {
    forgetMemos();
  }
}

function extract(input: ArticleInput, id: string): Article {
  const { lines, outside, meta } = readInput(input);
  const cleaned = cleanLines(lines);
  if (cleaned.paragraphs.length === 0)
    throw badRequest("no_article_body", "No article text was found in the input.");
  const { drafts, people } = snippets(cleaned.paragraphs, cleaned.headings);
  const merged: Source = { ...cleaned.meta, ...meta, ...input.source };
  const source = Object.fromEntries(Object.entries(merged).filter(([, v]) => v)) as Source;
  return ArticleSchema.parse({
    id,
    title: input.title ?? cleaned.title ?? deriveTitle(cleaned.paragraphs, cleaned.headings),
    ...(Object.keys(source).length > 0 ? { source } : {}),
    paragraphs: cleaned.paragraphs,
    boilerplate: [...outside, ...cleaned.boilerplate],
    snippets: drafts.map((d, i) => ({ id: `${id}:${i}`, articleId: id, ...d })),
    entities: findEntities(cleaned.paragraphs, people),
  });
}
