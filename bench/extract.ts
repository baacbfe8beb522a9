import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractArticle } from "../server/ingest/extract.ts";

/**
 * `npm run bench:extract`: warm median milliseconds per 1,000 body words and peak RSS, for
 * text and HTML input. "article" is the ~800-word sample (as text, and as the body of a page
 * wrapped in heavy chrome); "corpus" is every labelled corpus article, most of them short, so
 * fixed per-article costs weigh more there.
 */
const dir = "tests/fixtures/articles";
const WARMUP = 30;
const ROUNDS = 200;
type Input = { text: string } | { html: string };

const sample = readFileSync("seeds/north-korea-troops-russia.txt", "utf8");
const chrome = readFileSync(join(dir, "heavy-chrome-heatwave.html"), "utf8");
const body = sample
  .split("\n")
  .map((line) => (line.split(" ").length < 5 ? `<h2>${line}</h2>` : `<p>${line}</p>`))
  .join("\n");
const samplePage = chrome.replace(
  /<p>Greek authorities[\s\S]*<\/p>\s*(?=<div class="related">)/,
  body,
);

function bench(inputs: Input[]) {
  const words = inputs.map(
    (input) => extractArticle(input).paragraphs.join(" ").split(/\s+/).length,
  );
  for (let i = 0; i < WARMUP; i++) for (const input of inputs) extractArticle(input);
  const perThousand: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    inputs.forEach((input, i) => {
      const start = performance.now();
      extractArticle(input);
      perThousand.push(((performance.now() - start) * 1000) / words[i]!);
    });
  }
  perThousand.sort((a, b) => a - b);
  const median = perThousand[Math.floor(perThousand.length / 2)]!;
  return {
    articles: inputs.length,
    words: words.reduce((a, b) => a + b, 0),
    medianMsPer1000Words: Math.round(median * 100) / 100,
  };
}

const files = readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f));
const corpus = (ext: string, wrap: (s: string) => Input) =>
  files.filter((f) => f.endsWith(ext)).map((f) => wrap(readFileSync(join(dir, f), "utf8")));
const result = {
  node: process.version,
  text: { article: bench([{ text: sample }]), corpus: bench(corpus(".txt", (text) => ({ text }))) },
  html: {
    article: bench([{ html: samplePage }]),
    corpus: bench(corpus(".html", (html) => ({ html }))),
  },
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
};
console.log(JSON.stringify(result, null, 2));
