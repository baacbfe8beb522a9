import {
  convertMillimetersToTwip,
  Document,
  Footer,
  Header,
  type ISectionOptions,
  Paragraph,
  TextRun,
} from "docx";
import type { PMNode } from "../schema/brief.ts";
import type { Bundle } from "../schema/bundle.ts";
import type { Template } from "../schema/template.ts";
import { renderEach } from "./blocks.ts";
import type { RenderContext } from "./context.ts";
import { renderFront } from "./cover.ts";
import { FootnoteRegistry } from "./footnotes.ts";
import { headerAndFooter } from "./header-footer.ts";
import { ListRegistry } from "./lists.ts";
import { packDocx } from "./pack-docx.ts";
import { fieldValues, fillPlaceholders } from "./placeholders.ts";
import { definesStyle, readReferenceDocx } from "./reference-docx.ts";
import { renderSourcesList, sourcesSectionEnd } from "./sources-list.ts";
import { customStyles, defaultStyles } from "./styles.ts";
import { renderToc } from "./toc.ts";
import { esc } from "./xml/escape.ts";
import { writeBody } from "./xml/write-body.ts";

/** A4, in twips. */
const PAGE = { width: 11906, height: 16838 };

export interface RenderDocxOptions {
  /** A reference .docx whose styles, header and footer take the place of the template's. */
  referenceDocx?: Uint8Array;
  /** Where warnings about unknown nodes and marks go; `console.warn` by default. */
  onWarning?: (message: string) => void;
}

const HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
/** Stands in docx's document for the body written as XML; replaced after compiling. */
const BODY_MARKER = "briefroom-written-body-7c1e";
const MARKER_XML = `<w:p><w:r><w:t xml:space="preserve">${BODY_MARKER}</w:t></w:r></w:p>`;

/** The body as docx objects, the Sources list inside the brief's own "Sources" section. */
function docxBody(nodes: PMNode[], ctx: RenderContext, bundle: Bundle) {
  // Rendered node by node so the Sources list can go inside the brief's own "Sources" section.
  const rendered = renderEach(nodes, ctx);
  const at = sourcesSectionEnd(nodes);
  const sources = ctx.style.sourcesList
    ? renderSourcesList(ctx.notes.citedOrder, bundle.sources, at === undefined)
    : [];
  const cut = at ?? nodes.length;
  return [...rendered.slice(0, cut).flat(), ...sources, ...rendered.slice(cut).flat()];
}

function warner(onWarning: (message: string) => void) {
  const seen = new Set<string>();
  return (kind: string, name: string) => {
    const key = `${kind}:${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    onWarning(`export: unknown ${kind} "${name}" rendered as plain text`);
  };
}

/**
 * Renders a brief as a Word document in its template's look: cover or title, optional table
 * of contents, the body with citations as footnotes, and the Sources list. The same bundle and
 * template always give the same bytes.
 */
export async function renderDocx(
  bundle: Bundle,
  template: Template,
  opts: RenderDocxOptions = {},
): Promise<Uint8Array> {
  const style = template.style;
  const margin = {
    top: convertMillimetersToTwip(style.margins.top),
    right: convertMillimetersToTwip(style.margins.right),
    bottom: convertMillimetersToTwip(style.margins.bottom),
    left: convertMillimetersToTwip(style.margins.left),
  };
  const ctx: RenderContext = {
    style,
    sources: bundle.sources,
    notes: new FootnoteRegistry(bundle.sources, style.footnotes),
    lists: new ListRegistry(),
    textWidth: PAGE.width - margin.left - margin.right,
    warn: warner(opts.onWarning ?? ((m) => console.warn(m))),
  };
  const values = fieldValues(bundle, template);
  const front = renderFront(template, values);
  const nodes = bundle.doc.content ?? [];
  // Without a table of contents, the body is written straight to XML (the bulk of a long brief's
  // time and memory otherwise goes into docx's object tree); docx fills a table of contents
  // from the headings it has objects for, so a brief with one is rendered through docx.
  const written = style.toc ? undefined : writeBody(nodes, ctx, style.sourcesList);
  const body = written
    ? written.xml
      ? [new Paragraph({ children: [new TextRun(BODY_MARKER)] })]
      : []
    : docxBody(nodes, ctx, bundle);

  const reference = opts.referenceDocx ? readReferenceDocx(opts.referenceDocx) : {};
  const own = headerAndFooter(style, values);
  // A reference header or footer replaces the part docx writes for this placeholder.
  const header = reference.header ? new Header({ children: [new Paragraph({})] }) : own.header;
  const footer = reference.footer ? new Footer({ children: [new Paragraph({})] }) : own.footer;
  const page = { size: PAGE, margin: { ...margin, header: 567, footer: 567 } };
  // Only the first section names the header and footer; later ones inherit them, as Word's
  // "Link to Previous" does, so the package holds one of each.
  const section = (children: ISectionOptions["children"], first: boolean): ISectionOptions => ({
    properties: { page },
    ...(first && header ? { headers: { default: header } } : {}),
    ...(first && footer ? { footers: { default: footer } } : {}),
    children,
  });

  const sections: ISectionOptions[] = [];
  if (style.coverPage) sections.push(section(front, true));
  if (style.toc) {
    sections.push(
      section([...(style.coverPage ? [] : front), ...renderToc()], sections.length === 0),
    );
  }
  const lead = style.coverPage || style.toc ? [] : front;
  const main = [...lead, ...body];
  sections.push(section(main.length > 0 ? main : [new Paragraph({})], sections.length === 0));

  const custom = customStyles(style);
  const doc = new Document({
    creator: "Briefroom",
    lastModifiedBy: "Briefroom",
    title: bundle.title,
    revision: 1,
    ...(reference.styles
      ? {
          externalStyles: reference.styles,
          styles: {
            paragraphStyles: custom.paragraphStyles.filter(
              (s) => !definesStyle(reference.styles!, s.id),
            ),
            characterStyles: custom.characterStyles.filter(
              (s) => !definesStyle(reference.styles!, s.id),
            ),
          },
        }
      : { styles: { default: defaultStyles(style), ...custom } }),
    numbering: { config: ctx.lists.config },
    footnotes: written ? {} : ctx.notes.footnotes,
    ...(style.toc ? { features: { updateFields: true } } : {}),
    sections,
  });
  const replace: [RegExp, string][] = [];
  // The reference's header and footer are XML: values go in escaped ("<draft>" in a title).
  const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, esc(v)]));
  if (reference.header)
    replace.push([/^word\/header\d+\.xml$/, fillPlaceholders(reference.header, escaped)]);
  if (reference.footer)
    replace.push([/^word\/footer\d+\.xml$/, fillPlaceholders(reference.footer, escaped)]);
  if (!written) return packDocx(doc, replace);
  // docx numbers list instances and hyperlink relationships as it meets them; the written body
  // used them in document order, so they are registered in that order, before docx adds none.
  for (const [reference, instance] of written.parts.lists)
    doc.Numbering.createConcreteNumberingInstance(reference, instance);
  written.parts.links.forEach((href, i) => {
    doc.Document.Relationships.addRelationship(`L${i + 1}`, HYPERLINK, href, "External");
  });
  const notes = ctx.notes.xml();
  return packDocx(doc, replace, [
    ...(written.xml ? [{ path: "word/document.xml", marker: MARKER_XML, xml: written.xml }] : []),
    ...(notes
      ? [{ path: "word/footnotes.xml", marker: "</w:footnotes>", xml: `${notes}</w:footnotes>` }]
      : []),
  ]);
}
