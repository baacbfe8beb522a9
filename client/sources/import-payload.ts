import type { ArticleImport } from "../../server/schema/article.ts";

/** Whether pasted text is markup rather than prose (it starts with a tag and has closing tags). */
export function looksLikeHtml(text: string): boolean {
  const t = text.trim();
  return (
    /^<(!doctype|html|head|body|article|div|p|h[1-6]|section|main|span|meta)\b/i.test(t) &&
    /<\/[a-z]/i.test(t)
  );
}

/**
 * The import request for pasted content. HTML (pasted from a web page, or typed as markup)
 * goes to the server as `html`, where it is cleaned; it is never rendered here.
 */
export function pastedImport(
  text: string,
  pastedHtml: string | null,
  title: string,
): ArticleImport | null {
  const meta = title.trim() ? { title: title.trim() } : {};
  if (pastedHtml?.trim()) return { html: pastedHtml, ...meta };
  if (!text.trim()) return null;
  if (looksLikeHtml(text)) return { html: text, ...meta };
  return { text, ...meta };
}

/** A web address for `{url}` imports, or null if it isn't an http(s) address. */
export function articleUrl(input: string): string | null {
  try {
    const url = new URL(input.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}
