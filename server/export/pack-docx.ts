import { type File, Packer } from "docx";
import { zipFiles } from "./zip.ts";

type Parts = Map<string, string | Uint8Array>;

/** docx's own compiler, which gives the package's parts before they are zipped. */
const compiler = (Packer as unknown as { compiler: { compile(file: File): Parts } }).compiler;

/** Every date in the package, so the same brief always gives the same bytes. */
const FIXED_ISO = "2000-01-01T00:00:00Z";
// Zip entries store local wall-clock time; building the date from local parts keeps it fixed
// whatever the machine's time zone.
const FIXED_LOCAL = new Date(2000, 0, 1, 0, 0, 0);

/**
 * docx names hyperlink relationships with random ids, and numbers bookmarks (and the `_Toc`
 * names of heading bookmarks) from counters shared by every document in the process.
 * Renames them all in order of appearance.
 */
function normalizeIds(parts: Parts): void {
  for (const [path, data] of parts) {
    const m = /^(.*)_rels\/([^/]+)\.rels$/.exec(path);
    if (!m || typeof data !== "string") continue;
    const partPath = `${m[1]}${m[2]}`;
    const renamed = new Map<string, string>();
    let links = 0;
    for (const [, id] of data.matchAll(/\bId="([^"]+)"/g)) {
      if (!id || /^rId\d+$/.test(id)) continue;
      links += 1;
      // Ids written in order already (by the XML writers) need no pass over the part.
      if (id !== `rIdL${links}`) renamed.set(id, `rIdL${links}`);
    }
    if (renamed.size === 0) continue;
    const rename = (text: string, attr: string) =>
      text.replace(new RegExp(`\\b${attr}="([^"]+)"`, "g"), (all, id: string) =>
        renamed.has(id) ? `${attr}="${renamed.get(id)}"` : all,
      );
    parts.set(path, rename(data, "Id"));
    const part = parts.get(partPath);
    if (typeof part === "string") parts.set(partPath, rename(part, "r:id"));
  }
  for (const [path, data] of parts) {
    if (typeof data !== "string" || !data.includes("w:bookmarkStart")) continue;
    const named = renumber(data, /_Toc(\d+)\b/g, (n) => `_Toc${n}`);
    parts.set(
      path,
      renumber(named, /(?<=<w:bookmark(?:Start|End)\b[^>]*?w:id=")(\d+)(?=")/g, String),
    );
  }
}

/** Renumbers every match of `pattern` (whose group 1 is a number) in order of first appearance. */
function renumber(text: string, pattern: RegExp, write: (n: number) => string): string {
  const seen = new Map<string, number>();
  return text.replace(pattern, (_, n: string) => {
    if (!seen.has(n)) seen.set(n, seen.size + 1);
    return write(seen.get(n)!);
  });
}

function pinDates(parts: Parts): void {
  const core = parts.get("docProps/core.xml");
  if (typeof core !== "string") return;
  parts.set(
    "docProps/core.xml",
    core.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*/g, `$1${FIXED_ISO}`),
  );
}

/** XML put into a compiled part in place of a marker: the body and footnotes written as text. */
export interface Splice {
  path: string;
  marker: string;
  xml: string;
}

/**
 * Zips a document deterministically: fixed dates in its properties and zip entries, and stable
 * ids. `replace` swaps whole parts (by a path pattern) after compiling, for a reference
 * .docx's header and footer; `splices` put XML written outside docx into its parts.
 */
export function packDocx(
  file: File,
  replace: [RegExp, string][] = [],
  splices: Splice[] = [],
): Uint8Array {
  const parts = compiler.compile(file);
  for (const { path, marker, xml } of splices) {
    const data = parts.get(path);
    const at = typeof data === "string" ? data.indexOf(marker) : -1;
    if (at < 0) throw new Error(`export: no place for the XML written for ${path}`);
    const part = data as string;
    parts.set(path, part.slice(0, at) + xml + part.slice(at + marker.length));
  }
  for (const [pattern, xml] of replace) {
    for (const path of parts.keys()) if (pattern.test(path)) parts.set(path, xml);
  }
  normalizeIds(parts);
  pinDates(parts);
  const files = [...parts].map(([path, data]): [string, Uint8Array] => [
    path,
    typeof data === "string" ? Buffer.from(data, "utf8") : data,
  ]);
  return zipFiles(files, FIXED_LOCAL);
}
