import { describe, expect, it } from "vitest";
import { renderParts, testTemplate } from "../utils/docx-xml.ts";
import { sampleBundle } from "../utils/sample-bundle.ts";

/** Each footnote's paragraph content after its `w:pPr`, as Word reads it: run by run. */
function noteRuns(footnotesXml: string): string[][] {
  return [...footnotesXml.matchAll(/<w:footnote w:id="\d+">([\s\S]*?)<\/w:footnote>/g)].map(
    (m) => m[1]!.replace(/^[\s\S]*?<\/w:pPr>/, "").match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [],
  );
}

describe("a footnote's text", () => {
  // The body is written straight to XML without a table of contents, and through docx with one.
  for (const toc of [false, true]) {
    it(`follows its number after a plain space run, as in Word (toc: ${toc})`, async () => {
      const { parts } = await renderParts(sampleBundle(), testTemplate({ toc }));
      const notes = noteRuns(parts["word/footnotes.xml"]!);
      expect(notes).toHaveLength(5);
      for (const runs of notes) {
        expect(runs[0]).toBe(
          '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>',
        );
        expect(runs[1]).toBe('<w:r><w:t xml:space="preserve"> </w:t></w:r>');
        expect(runs[2]).toMatch(/^<w:r><w:t xml:space="preserve">[^ <]/);
      }
    });
  }
});
