import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeText } from "./decode-upload.ts";
import type { ArticleInput } from "./extract.ts";
import { readSourceMeta } from "./source-meta.ts";

/** A sample article as the seed folder holds it, ready to be extracted. */
export interface SeedArticle {
  /** Stable (`seed-<name>`), so that importing twice does not duplicate. */
  id: string;
  input: ArticleInput;
}

/**
 * Reads every `*.txt` and `*.html` article in the seed folder (with its `.meta.json`) so a
 * new installation has something to work from.
 */
export function readSeedArticles(seedDir = "seeds"): SeedArticle[] {
  const files = readdirSync(seedDir)
    .filter((f) => /\.(txt|html?)$/i.test(f))
    .sort();
  return files.map((file) => {
    const path = join(seedDir, file);
    const body = decodeText(readFileSync(path), file);
    const meta = readSourceMeta(path);
    const id = `seed-${file.replace(/\.[^.]+$/, "")}`;
    const input = /\.html?$/i.test(file) ? { html: body, ...meta } : { text: body, ...meta };
    return { id, input };
  });
}
