import { badRequest } from "../errors.ts";
import type { PageLine } from "./clean.ts";
import { htmlBlocks } from "./html-blocks.ts";

/**
 * Reads a .docx with mammoth into page lines: Word headings become headings, a Title or
 * first Heading 1 becomes the title, every paragraph one line.
 */
export async function readDocx(bytes: Uint8Array): Promise<{ title?: string; lines: PageLine[] }> {
  // Loaded on first use: a server that only edits briefs never needs it.
  const { default: mammoth } = await import("mammoth");
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw badRequest("unreadable_docx", "The .docx file could not be read; is it a Word document?");
  }
  const lines = htmlBlocks(html);
  const first = lines[0];
  if (first?.kind === "heading") return { title: first.text, lines: lines.slice(1) };
  return { lines };
}
