import { strFromU8, unzipSync } from "fflate";

/** The parts of a reference .docx the export takes over: its styles, first header and footer. */
export interface ReferenceParts {
  /** `word/styles.xml`, for `Document`'s `externalStyles`. */
  styles?: string;
  /** The default header part, whole (`<w:hdr>`). */
  header?: string;
  /** The default footer part, whole (`<w:ftr>`). */
  footer?: string;
}

const WANTED =
  /^(word\/styles\.xml|word\/document\.xml|word\/_rels\/document\.xml\.rels|word\/(header|footer)\d*\.xml)$/;

function partFor(
  kind: "header" | "footer",
  document: string,
  rels: string,
  files: Record<string, Uint8Array>,
) {
  const refs = [...document.matchAll(new RegExp(`<w:${kind}Reference\\b[^>]*>`, "g"))].map(
    (m) => m[0],
  );
  const ref = refs.find((r) => /w:type="default"/.test(r)) ?? refs[0];
  const rId = ref ? /r:id="([^"]+)"/.exec(ref)?.[1] : undefined;
  if (!rId) return undefined;
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((r) => r.includes(`Id="${rId}"`));
  const target = rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
  const data = target ? files[`word/${target.replace(/^\/?word\//, "")}`] : undefined;
  // Pictures and other related parts aren't carried over, so leave out what would point at them.
  return data ? stripRelated(strFromU8(data)) : undefined;
}

function stripRelated(xml: string): string {
  return xml
    .replace(/<w:drawing\b[\s\S]*?<\/w:drawing>/g, "")
    .replace(/<w:pict\b[\s\S]*?<\/w:pict>/g, "")
    .replace(/<w:object\b[\s\S]*?<\/w:object>/g, "");
}

/**
 * Reads what a template's reference .docx supplies. Throws when the bytes are not a zip; a
 * zip without some part simply leaves that part to the template's style.
 */
export function readReferenceDocx(bytes: Uint8Array): ReferenceParts {
  const files = unzipSync(bytes, { filter: (f) => WANTED.test(f.name) });
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
  const document = text("word/document.xml") ?? "";
  const rels = text("word/_rels/document.xml.rels") ?? "";
  const parts: ReferenceParts = {};
  const styles = text("word/styles.xml");
  if (styles) parts.styles = styles;
  const header = partFor("header", document, rels, files);
  if (header) parts.header = header;
  const footer = partFor("footer", document, rels, files);
  if (footer) parts.footer = footer;
  return parts;
}

/** Whether a styles part defines a style with this id. */
export function definesStyle(stylesXml: string, id: string): boolean {
  return stylesXml.includes(`w:styleId="${id}"`);
}
