import { badRequest, unsupportedMedia } from "../errors.ts";
import { readDocx } from "./docx.ts";
import type { ArticleInput } from "./extract.ts";

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Decodes text bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; binary is refused. */
export function decodeText(bytes: Uint8Array, filename: string): string {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    return new TextDecoder(a === 0xff ? "utf-16le" : "utf-16be").decode(bytes);
  }
  if (bytes.includes(0))
    throw badRequest("binary_upload", `${filename} looks like a binary file, not text.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badRequest(
      "undecodable_text",
      `${filename} is not UTF-8 text; save it as UTF-8 and try again.`,
    );
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 32)) controls++;
  }
  if (controls > text.length / 100) {
    throw badRequest("binary_upload", `${filename} looks like a binary file, not text.`);
  }
  return text;
}

/**
 * Turns an uploaded .txt, .html/.htm or .docx file into input for `extractArticle`. The file
 * name's extension decides, then the content type; anything else is refused with a 415.
 */
export async function decodeUpload(
  bytes: Uint8Array,
  filename: string,
  contentType = "",
): Promise<ArticleInput> {
  if (bytes.length === 0) throw badRequest("empty_upload", `${filename} is empty.`);
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? "";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (
    ext === "docx" ||
    type === "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  ) {
    if (!ZIP.every((byte, i) => bytes[i] === byte)) {
      throw badRequest("unreadable_docx", `${filename} is not a .docx file (no ZIP signature).`);
    }
    return readDocx(bytes);
  }
  if (ext === "html" || ext === "htm" || type === "text/html")
    return { html: decodeText(bytes, filename) };
  if (ext === "txt" || ext === "text" || type === "text/plain")
    return { text: decodeText(bytes, filename) };
  throw unsupportedMedia(`Upload a .txt, .html or .docx file; ${filename} is none of these.`);
}

/** An article file as uploaded, to decode where it is extracted (a worker thread). */
export interface UploadedFile {
  file: { bytes: Uint8Array; name: string; type: string };
  /** Given with the upload; it replaces the title read from the file. */
  title?: string;
}

/** `decodeUpload` for an `UploadedFile`, with its given title. */
export async function decodeUploadedFile({ file, title }: UploadedFile): Promise<ArticleInput> {
  const input = await decodeUpload(file.bytes, file.name, file.type);
  return title ? { ...input, title } : input;
}
