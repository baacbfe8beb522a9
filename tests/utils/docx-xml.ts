import { strFromU8, unzipSync } from "fflate";
import type { z } from "zod";
import { type RenderDocxOptions, renderDocx } from "../../server/export/render-docx.ts";
import type { Bundle } from "../../server/schema/bundle.ts";
import {
  type ExportStyleSchema,
  type Template,
  type TemplateInput,
  TemplateSchema,
} from "../../server/schema/template.ts";

type ExportStyleInput = z.input<typeof ExportStyleSchema>;

/** The XML parts of a .docx (every `.xml` and `.rels`), by path, as strings. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes, { filter: (f) => /\.(xml|rels)$/.test(f.name) });
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

/** The visible text of an XML part: every `<w:t>`, paragraphs separated by newlines. */
export function textOf(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((para) => [...para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter((line) => line !== "")
    .join("\n")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** Each `<w:p>` of a part with its style id (`undefined` for Normal) and its text. */
export function paragraphs(
  xml: string,
): { style: string | undefined; text: string; xml: string }[] {
  return [...xml.matchAll(/<w:p\b(?:[^>]*[^/])?>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[1] ?? "")?.[1],
    text: textOf(`${m[0]}`),
    xml: m[0],
  }));
}

/** A template for tests, from style overrides (the rest defaults, as the schema fills it). */
export function testTemplate(
  style: Partial<ExportStyleInput> = {},
  extra: Partial<TemplateInput> = {},
): Template {
  return TemplateSchema.parse({
    id: "test-template",
    name: "Test brief",
    fields: [
      { key: "classification", label: "Classification", type: "text" },
      { key: "author", label: "Author", type: "text" },
      { key: "date", label: "Date", type: "date" },
    ],
    style,
    ...extra,
  });
}

/** Renders and unzips in one go; warnings are collected rather than printed. */
export async function renderParts(
  bundle: Bundle,
  template: Template = testTemplate(),
  opts: RenderDocxOptions = {},
): Promise<{ bytes: Uint8Array; parts: Record<string, string>; warnings: string[] }> {
  const warnings: string[] = [];
  const bytes = await renderDocx(bundle, template, { onWarning: (m) => warnings.push(m), ...opts });
  return { bytes, parts: docxParts(bytes), warnings };
}
