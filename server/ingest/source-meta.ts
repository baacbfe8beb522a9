import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { type Source, SourceSchema } from "../schema/article.ts";

/** A `<name>.meta.json` beside an article file: its source and optionally its title. */
const MetaFileSchema = SourceSchema.extend({
  title: z.string().min(1).max(500).optional(),
}).passthrough();

/** The path of the metadata file that belongs beside an article file. */
export const metaPathFor = (file: string) => `${file.replace(/\.[^./]+$/, "")}.meta.json`;

/**
 * Reads the sibling `.meta.json` of an article file, if any: source fields (publisher, url,
 * author, publishedAt) and a title. Unknown fields (notes, wire) are ignored.
 */
export function readSourceMeta(file: string): { title?: string; source?: Source } {
  const path = metaPathFor(file);
  if (!existsSync(path)) return {};
  const meta = MetaFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const source = SourceSchema.parse({
    publisher: meta.publisher,
    url: meta.url,
    author: meta.author,
    publishedAt: meta.publishedAt,
  });
  const clean = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined),
  ) as Source;
  return {
    ...(meta.title ? { title: meta.title } : {}),
    ...(Object.keys(clean).length > 0 ? { source: clean } : {}),
  };
}
