import { Document, Footer, Header, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { renderParts, testTemplate, textOf } from "../utils/docx-xml.ts";
import { sampleBundle } from "../utils/sample-bundle.ts";

async function referenceDocx(): Promise<Uint8Array> {
  const doc = new Document({
    styles: {
      default: { heading1: { run: { font: "Garamond", size: 40, color: "660000" } } },
      paragraphStyles: [{ id: "Quote", name: "Quote", run: { font: "Garamond", italics: true } }],
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [new Paragraph({ children: [new TextRun("ACME {{classification}}")] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ children: [new TextRun("Prepared by {{author}}")] })],
          }),
        },
        children: [new Paragraph("reference")],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("a template's reference .docx", () => {
  it("supplies the styles, keeping the renderer's own styles it lacks", async () => {
    const { parts } = await renderParts(sampleBundle(), testTemplate(), {
      referenceDocx: await referenceDocx(),
    });
    const styles = parts["word/styles.xml"]!;
    expect(/w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(styles)![0]).toContain(
      'w:ascii="Garamond"',
    );
    expect(/w:styleId="Quote">[\s\S]*?<\/w:style>/.exec(styles)![0]).toContain(
      'w:ascii="Garamond"',
    );
    expect(styles).toContain('w:styleId="QuoteAttribution"');
    expect(styles.match(/w:styleId="Quote"/g)).toHaveLength(1);
  });

  it("supplies the header and footer, with placeholders filled", async () => {
    const { parts } = await renderParts(
      sampleBundle(),
      testTemplate({ header: "ignored", footer: "ignored" }),
      {
        referenceDocx: await referenceDocx(),
      },
    );
    expect(textOf(parts["word/header1.xml"]!)).toBe("ACME OFFICIAL-SENSITIVE");
    expect(textOf(parts["word/footer1.xml"]!)).toBe("Prepared by Policy Unit");
  });

  it("escapes the values it puts into the reference's header and footer XML", async () => {
    const author = `<Policy & "Unit">`;
    const bundle = sampleBundle();
    const { parts } = await renderParts(
      { ...bundle, fields: { ...bundle.fields, author } },
      testTemplate(),
      { referenceDocx: await referenceDocx() },
    );
    const footer = parts["word/footer1.xml"]!;
    expect(footer).toContain("Prepared by &lt;Policy &amp; &quot;Unit&quot;&gt;");
    expect(footer).not.toContain(author);
  });
});
