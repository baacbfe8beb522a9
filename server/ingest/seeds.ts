import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "../schema/article.ts";
import { decodeText } from "./decode-upload.ts";
import { extractArticle } from "./extract.ts";
import { readSourceMeta } from "./source-meta.ts";

/**
 * Extracts every `*.txt` and `*.html` article in the seed folder (with its `.meta.json`) so
 * a new installation has something to work from. Article ids are stable (`seed-<name>`) so
 * loading twice does not duplicate.
 */
export function loadSeedArticles(seedDir = "seeds"): Article[] {
  const files = readdirSync(seedDir)
    .filter((f) => /\.(txt|html?)$/i.test(f))
    .sort();
  return files.map((file) => {
    const path = join(seedDir, file);
    const body = decodeText(readFileSync(path), file);
    const meta = readSourceMeta(path);
    const id = `seed-${file.replace(/\.[^.]+$/, "")}`;
    const input = /\.html?$/i.test(file) ? { html: body, ...meta } : { text: body, ...meta };
    return extractArticle(input, { id });
  });
}
