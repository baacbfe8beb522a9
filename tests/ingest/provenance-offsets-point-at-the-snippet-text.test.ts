import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../server/ingest/extract.ts";
import { ArticleSchema } from "../../server/schema/article.ts";

const dir = "tests/fixtures/articles";
const files = readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f));

describe("provenance", () => {
  it.each(files)("every snippet of %s is paragraphs[paragraph].slice(start, end)", (file) => {
    const source = readFileSync(join(dir, file), "utf8");
    const article = extractArticle(file.endsWith(".html") ? { html: source } : { text: source }, {
      id: file,
    });
    expect(ArticleSchema.parse(article)).toEqual(article);
    expect(article.snippets.length).toBeGreaterThan(0);
    for (const s of article.snippets) {
      expect(article.paragraphs[s.paragraph]!.slice(s.start, s.end)).toBe(s.text);
      expect(s.articleId).toBe(file);
    }
    expect(new Set(article.snippets.map((s) => s.id)).size).toBe(article.snippets.length);
  });

  it("gives quotes their words without marks or the attribution comma", () => {
    const article = extractArticle({
      text: 'Headline here\n“We will win, and soon,” she said. "Not today."\nMore text follows here.',
    });
    const quotes = article.snippets.filter((s) => s.kind === "quote").map((s) => s.text);
    expect(quotes).toEqual(["We will win, and soon", "Not today."]);
  });
});
