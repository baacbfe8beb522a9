import {
  AlignmentType,
  BorderStyle,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
  LineRuleType,
  ShadingType,
} from "docx";
import type { ExportStyle } from "../schema/template.ts";

/** Style ids the renderer refers to, so a typo is a compile error rather than a silent Normal. */
export const StyleId = {
  quote: "Quote",
  quoteAttribution: "QuoteAttribution",
  codeBlock: "CodeBlock",
  inlineCode: "InlineCode",
  horizontalRule: "HorizontalRule",
  tableHeading: "TableHeading",
  tableText: "TableText",
  coverSubtitle: "CoverSubtitle",
  coverField: "CoverField",
  meta: "BriefMeta",
  sourceEntry: "SourceEntry",
  tocHeading: "TOCHeading",
  headerText: "Header",
  footerText: "Footer",
  listContinue: "ListContinue",
} as const;

/** "#1F3864" → "1F3864", as Word writes colours. */
export const hex = (colour: string) => colour.replace(/^#/, "").toUpperCase();
const halfPoints = (pt: number) => Math.round(pt * 2);

/**
 * Styles for every kind of block the renderer writes, from the template's fonts, sizes and
 * colours. Content refers to them by id, so the document carries formatting in its styles and
 * a reader restyles it in one place.
 */
export function customStyles(style: ExportStyle): {
  paragraphStyles: IParagraphStyleOptions[];
  characterStyles: ICharacterStyleOptions[];
} {
  const small = halfPoints(Math.max(6, style.sizes.body - 2));
  const accent = hex(style.colors.accent);
  const mono = "Consolas";
  const para = (s: IParagraphStyleOptions): IParagraphStyleOptions => ({
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    ...s,
  });
  return {
    paragraphStyles: [
      para({
        id: StyleId.quote,
        name: "Quote",
        run: { italics: true, color: hex(style.colors.text) },
        paragraph: {
          indent: { left: 567, right: 567 },
          spacing: { before: 120, after: 60 },
          keepNext: true,
          keepLines: true,
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: accent, space: 8 } },
        },
      }),
      para({
        id: StyleId.quoteAttribution,
        name: "Quote Attribution",
        run: { size: small, color: accent },
        paragraph: {
          alignment: AlignmentType.RIGHT,
          indent: { left: 567, right: 567 },
          spacing: { before: 0, after: 200 },
          keepLines: true,
        },
      }),
      para({
        id: StyleId.codeBlock,
        name: "Code Block",
        run: { font: mono, size: small },
        paragraph: {
          spacing: { before: 60, after: 120, line: 240, lineRule: LineRuleType.AUTO },
          shading: { type: ShadingType.CLEAR, fill: "F2F2F2", color: "auto" },
          keepLines: true,
        },
      }),
      para({
        id: StyleId.horizontalRule,
        name: "Horizontal Rule",
        run: { size: 4 },
        paragraph: {
          spacing: { before: 120, after: 240 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "A6A6A6", space: 1 } },
        },
      }),
      para({
        id: StyleId.tableText,
        name: "Table Text",
        run: { size: small },
        paragraph: { spacing: { before: 40, after: 40 } },
      }),
      para({
        id: StyleId.tableHeading,
        name: "Table Heading",
        basedOn: StyleId.tableText,
        run: { bold: true, color: "FFFFFF" },
        paragraph: { keepNext: true },
      }),
      para({
        id: StyleId.coverSubtitle,
        name: "Cover Subtitle",
        run: { size: halfPoints(style.sizes.h2), color: accent },
        paragraph: { spacing: { after: 480 } },
      }),
      para({
        id: StyleId.coverField,
        name: "Cover Field",
        paragraph: { spacing: { after: 60 } },
      }),
      para({
        id: StyleId.meta,
        name: "Brief Meta",
        run: { size: small, color: accent },
        paragraph: { spacing: { after: 240 } },
      }),
      para({
        id: StyleId.sourceEntry,
        name: "Source Entry",
        run: { size: small },
        paragraph: { indent: { left: 360, hanging: 360 }, spacing: { after: 80 } },
      }),
      para({
        id: StyleId.tocHeading,
        name: "TOC Heading",
        run: {
          font: style.fonts.heading,
          size: halfPoints(style.sizes.h1),
          bold: true,
          color: hex(style.colors.heading),
        },
        paragraph: { spacing: { before: 240, after: 120 } },
      }),
      para({
        id: StyleId.headerText,
        name: "header",
        run: { size: small, color: "595959" },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      }),
      para({
        id: StyleId.footerText,
        name: "footer",
        run: { size: small, color: "595959" },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      }),
      para({
        id: StyleId.listContinue,
        name: "List Continue",
        paragraph: { indent: { left: 720 } },
      }),
    ],
    characterStyles: [
      {
        id: StyleId.inlineCode,
        name: "Inline Code",
        basedOn: "DefaultParagraphFont",
        run: {
          font: mono,
          size: small,
          shading: { type: ShadingType.CLEAR, fill: "F2F2F2", color: "auto" },
        },
      },
    ],
  };
}

/** The built-in styles (Normal, Title, Heading 1–3, footnotes, hyperlink) in the template's look. */
export function defaultStyles(style: ExportStyle): NonNullable<IStylesOptions["default"]> {
  const heading = (size: number, before: number) => ({
    run: {
      font: style.fonts.heading,
      size: halfPoints(size),
      bold: true,
      color: hex(style.colors.heading),
    },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    document: {
      run: {
        font: style.fonts.body,
        size: halfPoints(style.sizes.body),
        color: hex(style.colors.text),
      },
      paragraph: { spacing: { after: 160, line: 264, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: {
        font: style.fonts.heading,
        size: halfPoints(style.sizes.title),
        bold: true,
        color: hex(style.colors.heading),
      },
      paragraph: { spacing: { before: 0, after: 240, line: 240, lineRule: LineRuleType.AUTO } },
    },
    heading1: heading(style.sizes.h1, 360),
    heading2: heading(style.sizes.h2, 280),
    heading3: heading(style.sizes.h3, 200),
    hyperlink: { run: { color: hex(style.colors.accent), underline: {} } },
    footnoteText: {
      run: { size: halfPoints(Math.max(6, style.sizes.body - 2)) },
      paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
    listParagraph: { paragraph: { spacing: { after: 80 }, contextualSpacing: true } },
  };
}
