import { inflateRawSync } from "node:zlib";
import { badRequest, tooLarge } from "../errors.ts";

/** Largest reference .docx accepted: styles, header and footer rarely need more. */
export const MAX_REFERENCE_DOCX_BYTES = 5 * 1024 * 1024;

/** The media type of a .docx (and what a reference-docx upload may be sent as). */
export const DOCX_MEDIA_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/**
 * Why `bytes` is not a usable Word document, or null when it is: a zip whose central
 * directory lists `[Content_Types].xml` (declaring a WordprocessingML main part) and
 * `word/document.xml`. Reads the zip directory itself so no unzip dependency is needed.
 */
export function docxProblem(bytes: Uint8Array): string | null {
  if (bytes.length < 22) return "the file is not a .docx (too small to be a zip archive)";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== LOCAL_HEADER)
    return "the file is not a .docx (not a zip archive)";
  const entries = readCentralDirectory(bytes, view);
  if (!entries) return "the file is not a .docx (damaged zip archive)";
  const types = entries.get("[Content_Types].xml");
  if (!types) return "the file is not a .docx (no [Content_Types].xml)";
  if (!entries.has("word/document.xml")) return "the file is not a .docx (no word/document.xml)";
  const xml = readEntry(bytes, view, types);
  if (xml === null || !xml.includes("wordprocessingml")) {
    return "the file is not a Word document (its content types declare no WordprocessingML part)";
  }
  return null;
}

/** Throws a 413 past the size limit and a 400 naming `field` when the bytes are no .docx. */
export function assertDocx(bytes: Uint8Array, field = "file"): void {
  if (bytes.length > MAX_REFERENCE_DOCX_BYTES) {
    throw tooLarge(
      `${field}: a reference .docx may be at most ${MAX_REFERENCE_DOCX_BYTES / 1024 / 1024} MB`,
    );
  }
  const problem = docxProblem(bytes);
  if (problem) throw badRequest("invalid_docx", `${field}: ${problem}`);
}

function readCentralDirectory(bytes: Uint8Array, view: DataView): Map<string, ZipEntry> | null {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIR) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) return null;
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function readEntry(bytes: Uint8Array, view: DataView, entry: ZipEntry): string | null {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return new TextDecoder().decode(data);
    if (entry.method === 8)
      // Capped so a crafted archive cannot inflate into gigabytes.
      return new TextDecoder().decode(inflateRawSync(data, { maxOutputLength: 1024 * 1024 }));
  } catch {
    return null;
  }
  return null;
}
