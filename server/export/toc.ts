import { Paragraph, TableOfContents, TextRun } from "docx";
import { StyleId } from "./styles.ts";

/**
 * A table of contents over Heading 1–3, written out with an entry (and link) per heading so
 * it shows before any field update; the document's `updateFields` flag asks Word to fill in
 * the page numbers when it opens the file.
 */
export function renderToc(): (Paragraph | TableOfContents)[] {
  return [
    new Paragraph({ style: StyleId.tocHeading, children: [new TextRun("Contents")] }),
    new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "1-3" }),
  ];
}
