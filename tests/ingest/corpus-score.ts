import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { extractArticle } from "../../server/ingest/extract.ts";
import { splitLines } from "../../server/ingest/text-lines.ts";
import type { Article } from "../../server/schema/article.ts";

/** Hand-labelled expectations for one corpus article (`<name>.expected.json`). */
export const ExpectationSchema = z.object({
  shape: z.string(),
  title: z.string().nullable(),
  quotes: z.array(
    z.object({
      text: z.string(),
      speaker: z.union([z.string(), z.array(z.string())]),
      role: z.string().optional(),
    }),
  ),
  nonQuotes: z.array(z.string()).optional(),
  boilerplate: z.array(z.string()),
  headings: z.array(z.string()),
  metadata: z
    .object({
      author: z.string().optional(),
      publishedAt: z.string().optional(),
      publisher: z.string().optional(),
    })
    .optional(),
});
export type Expectation = z.infer<typeof ExpectationSchema>;

export interface ArticleScore {
  file: string;
  quotes: { expected: number; found: number; matched: number };
  speakers: { checked: number; right: number; wrong: string[] };
  roles: { checked: number; right: number; wrong: string[] };
  lines: { total: number; right: number; wrong: string[] };
  headings: { expected: number; found: number; matched: number };
  missed: string[];
  spurious: string[];
}

const normal = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "")
    .replace(/\s+/g, " ");
const person = (s: string) => normal(s).replace(/^(?:the|a|an)\s+/, "");

function scoreQuotes(article: Article, expected: Expectation, score: ArticleScore): void {
  const found = article.snippets.filter((s) => s.kind === "quote");
  const unmatched = [...found];
  for (const want of expected.quotes) {
    const i = unmatched.findIndex((s) => normal(s.text) === normal(want.text));
    if (i < 0) {
      score.missed.push(want.text);
      continue;
    }
    const [got] = unmatched.splice(i, 1);
    score.quotes.matched++;
    const speakers = (Array.isArray(want.speaker) ? want.speaker : [want.speaker]).map(person);
    score.speakers.checked++;
    if (got?.speaker && speakers.includes(person(got.speaker))) score.speakers.right++;
    else score.speakers.wrong.push(`${want.text.slice(0, 40)}… → ${got?.speaker ?? "(none)"}`);
    if (want.role) {
      score.roles.checked++;
      if (got?.speakerRole && person(got.speakerRole) === person(want.role)) score.roles.right++;
      else score.roles.wrong.push(`${want.role} → ${got?.speakerRole ?? "(none)"}`);
    }
  }
  score.quotes.expected = expected.quotes.length;
  score.quotes.found = found.length;
  score.spurious = unmatched.map((s) => s.text);
}

function scoreLines(
  article: Article,
  expected: Expectation,
  source: string,
  isHtml: boolean,
  score: ArticleScore,
): void {
  const labelled = new Set(expected.boilerplate);
  // An HTML line that merely runs labelled chrome items together ("Share Tweet") is chrome too.
  const chrome = {
    has: (line: string) =>
      labelled.has(line) ||
      (isHtml &&
        expected.boilerplate.reduce((rest, item) => rest.replace(item, " "), line).trim() === ""),
  };
  const universe = isHtml
    ? [...new Set([...expected.boilerplate, ...article.paragraphs, ...article.boilerplate])]
    : splitLines(source);
  for (const line of universe) {
    const want = line === expected.title ? "title" : chrome.has(line) ? "chrome" : "body";
    const body = article.paragraphs.some((p) => p.length > 0 && line.endsWith(p));
    const got =
      line === article.title
        ? "title"
        : article.boilerplate.includes(line)
          ? "chrome"
          : body
            ? "body"
            : "chrome";
    score.lines.total++;
    if (want === got || (want === "title" && expected.title === null)) score.lines.right++;
    else score.lines.wrong.push(`${want}→${got}: ${line.slice(0, 60)}`);
  }
}

/** Extracts one corpus article and compares it with its labels. */
export function scoreArticle(dir: string, file: string): ArticleScore {
  const source = readFileSync(join(dir, file), "utf8");
  const expected = ExpectationSchema.parse(
    JSON.parse(readFileSync(join(dir, file.replace(/\.(txt|html)$/, ".expected.json")), "utf8")),
  );
  const isHtml = file.endsWith(".html");
  const article = extractArticle(isHtml ? { html: source } : { text: source });
  const score: ArticleScore = {
    file,
    quotes: { expected: 0, found: 0, matched: 0 },
    speakers: { checked: 0, right: 0, wrong: [] },
    roles: { checked: 0, right: 0, wrong: [] },
    lines: { total: 0, right: 0, wrong: [] },
    headings: { expected: expected.headings.length, found: 0, matched: 0 },
    missed: [],
    spurious: [],
  };
  scoreQuotes(article, expected, score);
  scoreLines(article, expected, source, isHtml, score);
  const headings = article.snippets.filter((s) => s.kind === "heading").map((s) => s.text);
  score.headings.found = headings.length;
  score.headings.matched = expected.headings.filter((h) => headings.includes(h)).length;
  return score;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Scores every labelled article in the corpus folder and sums the figures. */
export function scoreCorpus(dir = "tests/fixtures/articles") {
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort();
  const articles = files.map((f) => scoreArticle(dir, f));
  const sum = (pick: (s: ArticleScore) => number) => articles.reduce((n, s) => n + pick(s), 0);
  const precision = ratio(
    sum((s) => s.quotes.matched),
    sum((s) => s.quotes.found),
  );
  const recall = ratio(
    sum((s) => s.quotes.matched),
    sum((s) => s.quotes.expected),
  );
  return {
    articles: articles.length,
    quotes: {
      expected: sum((s) => s.quotes.expected),
      precision,
      recall,
      f1: (2 * precision * recall) / (precision + recall || 1),
    },
    speakerAccuracy: ratio(
      sum((s) => s.speakers.right),
      sum((s) => s.speakers.checked),
    ),
    roleAccuracy: ratio(
      sum((s) => s.roles.right),
      sum((s) => s.roles.checked),
    ),
    boilerplateAccuracy: ratio(
      sum((s) => s.lines.right),
      sum((s) => s.lines.total),
    ),
    headings: {
      precision: ratio(
        sum((s) => s.headings.matched),
        sum((s) => s.headings.found),
      ),
      recall: ratio(
        sum((s) => s.headings.matched),
        sum((s) => s.headings.expected),
      ),
    },
    details: articles,
  };
}
