import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { AppError } from "../errors.ts";
import { decodeUpload } from "../ingest/decode-upload.ts";
import { extractArticle } from "../ingest/extract.ts";
import { readSourceMeta } from "../ingest/source-meta.ts";

/** `npm run --silent extract -- <file.txt|file.html|file.docx>`: prints one Article as JSON. */
async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1) {
    process.stderr.write("usage: npm run --silent extract -- <file.txt|file.html|file.docx>\n");
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    process.stderr.write(`extract: cannot read ${file}\n`);
    return 1;
  }
  try {
    const input = await decodeUpload(bytes, basename(file));
    const meta = readSourceMeta(file);
    const article = extractArticle({ ...input, ...meta, title: meta.title ?? input.title });
    process.stdout.write(`${JSON.stringify(article, null, 2)}\n`);
    return 0;
  } catch (error) {
    const message =
      error instanceof AppError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`extract: ${file}: ${message}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
