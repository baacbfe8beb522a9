import { Footer, Header, PageNumber, Paragraph, TextRun } from "docx";
import type { ExportStyle } from "../schema/template.ts";
import { fillLine } from "./placeholders.ts";
import { StyleId } from "./styles.ts";

/** The header and footer every page carries, or undefined when the template asks for none. */
export function headerAndFooter(
  style: ExportStyle,
  values: Record<string, string>,
): { header?: Header; footer?: Footer } {
  const headerText = fillLine(style.header, values);
  const footerText = fillLine(style.footer, values);
  const footerLines: Paragraph[] = [];
  if (footerText)
    footerLines.push(
      new Paragraph({ style: StyleId.footerText, children: [new TextRun(footerText)] }),
    );
  if (style.pageNumbers) {
    footerLines.push(
      new Paragraph({
        style: StyleId.footerText,
        children: [
          new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] }),
        ],
      }),
    );
  }
  return {
    ...(headerText
      ? {
          header: new Header({
            children: [
              new Paragraph({ style: StyleId.headerText, children: [new TextRun(headerText)] }),
            ],
          }),
        }
      : {}),
    ...(footerLines.length ? { footer: new Footer({ children: footerLines }) } : {}),
  };
}
