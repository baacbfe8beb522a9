import type { PageLine } from "./clean.ts";
import { parseHTML, readability } from "./dom.ts";
import { htmlBlocks } from "./html-blocks.ts";
import { readMetaLine } from "./metadata.ts";
import { tidyLine } from "./text-lines.ts";

/** A news page reduced to its main content, with what the page said about itself. */
export interface Page {
  title?: string;
  lines: PageLine[];
  /** Text blocks of the page outside the main content: returned as boilerplate, not lost. */
  outside: string[];
  meta: { author?: string; publishedAt?: string; publisher?: string };
}

const metaContent = (doc: Document, selector: string) =>
  tidyLine(doc.querySelector(selector)?.getAttribute("content") ?? "") || undefined;

function pageMeta(doc: Document): Page["meta"] {
  const author =
    metaContent(doc, 'meta[name="author"]') ?? metaContent(doc, 'meta[property="article:author"]');
  const publishedAt =
    metaContent(doc, 'meta[property="article:published_time"]') ??
    metaContent(doc, 'meta[name="date"]');
  const publisher = metaContent(doc, 'meta[property="og:site_name"]');
  return {
    ...(author && !/^https?:/.test(author) ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(publisher ? { publisher } : {}),
  };
}

const documentOf = (html: string) => {
  const { document } = parseHTML(
    /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`,
  );
  return document as unknown as Document;
};

/**
 * Reduces a news page to its main content with @mozilla/readability (on a linkedom DOM) and
 * returns the content as lines for the text pipeline. Blocks readability left out are kept in
 * `outside` so the caller can report them as boilerplate.
 */
export function readHtmlPage(html: string): Page {
  const page = documentOf(html);
  const all = htmlBlocks(page);
  const meta = pageMeta(page);
  const ogTitle = metaContent(page, 'meta[property="og:title"]');
  const h1 = tidyLine(page.querySelector("h1")?.textContent ?? "");
  // Readability rewrites the DOM it is given; the blocks and metadata above were read first.
  const parsed = readability(page, { charThreshold: 200 });
  const content = parsed?.content ? htmlBlocks(parsed.content) : [];
  const title = tidyLine(parsed?.title ?? "") || ogTitle || h1 || undefined;
  const lines = (content.length > 0 ? content : all).filter((l) => l.text !== title);
  const inside = new Set(lines.map((l) => l.text));
  const outside = [...new Set(all.map((l) => l.text))].filter((t) => !inside.has(t) && t !== title);
  const byline = tidyLine(parsed?.byline ?? "");
  const fromByline = byline ? (readMetaLine(byline) ?? { author: byline }) : {};
  const publishedAt = tidyLine(parsed?.publishedTime ?? "") || meta.publishedAt;
  const publisher = tidyLine(parsed?.siteName ?? "") || meta.publisher;
  return {
    ...(title ? { title } : {}),
    lines,
    outside,
    meta: {
      ...(fromByline.author || meta.author ? { author: fromByline.author ?? meta.author } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...(publisher ? { publisher } : {}),
    },
  };
}
