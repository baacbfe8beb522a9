import type { ClipboardEvent } from "react";

/** Where copied reader text comes from: always an article, and a snippet when only one. */
export interface CopiedSource {
  articleId: string;
  snippetId: string | null;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Clipboard HTML for text copied from the reader: the text in `span[data-citation]`, which
 * the editor's citation mark parses, so it pastes as cited text. Several paragraphs paste
 * as paragraphs, each cited.
 */
export function citationHtml(text: string, source: CopiedSource): string {
  const attrs = [
    "data-citation",
    `data-article-id="${escapeHtml(source.articleId)}"`,
    ...(source.snippetId ? [`data-snippet-id="${escapeHtml(source.snippetId)}"`] : []),
  ].join(" ");
  const span = (t: string) => `<span ${attrs}>${escapeHtml(t)}</span>`;
  const paragraphs = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length <= 1) return span(text.trim());
  return paragraphs.map((p) => `<p>${span(p)}</p>`).join("");
}

const snippetMark = (node: Node | null) =>
  (node instanceof Element ? node : node?.parentElement)?.closest("mark[data-snippet-id]") ?? null;

/** The snippet a selection lies within (both its ends in the same highlight), else null. */
export function selectedSnippetId(selection: Selection): string | null {
  const start = snippetMark(selection.anchorNode);
  return start && start === snippetMark(selection.focusNode)
    ? start.getAttribute("data-snippet-id")
    : null;
}

/**
 * Puts the selected reader text on the clipboard with its provenance: plain text for other
 * applications, cited HTML for the brief.
 */
export function copyWithCitation(event: ClipboardEvent<HTMLElement>, articleId: string): void {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
  if (!event.currentTarget.contains(selection.getRangeAt(0).commonAncestorContainer)) return;
  const text = selection.toString();
  if (!text.trim()) return;
  const source = { articleId, snippetId: selectedSnippetId(selection) };
  event.clipboardData.setData("text/plain", text);
  event.clipboardData.setData("text/html", citationHtml(text, source));
  event.preventDefault();
}
