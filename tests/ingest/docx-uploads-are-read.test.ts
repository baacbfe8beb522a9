import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { decodeUpload } from "../../server/ingest/decode-upload.ts";
import { extractArticle } from "../../server/ingest/extract.ts";

async function buildDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            text: "Harbour bridge to close for repairs",
            heading: HeadingLevel.HEADING_1,
          }),
          new Paragraph(
            "The city's main harbour bridge will close for six weeks from May 2, the transport department said on Friday.",
          ),
          new Paragraph({ text: "Diversions", heading: HeadingLevel.HEADING_2 }),
          new Paragraph(
            '"We know this is disruptive," said Amal Haddad, the department\'s director of roads. "The work cannot wait."',
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("a .docx upload", () => {
  it("is read with its title, headings and quotes", async () => {
    const input = await decodeUpload(await buildDocx(), "bridge.docx");
    const article = extractArticle(input);
    expect(article.title).toBe("Harbour bridge to close for repairs");
    expect(article.snippets.filter((s) => s.kind === "heading").map((s) => s.text)).toEqual([
      "Diversions",
    ]);
    const quotes = article.snippets.filter((s) => s.kind === "quote");
    expect(quotes.map((q) => [q.text, q.speaker, q.speakerRole])).toEqual([
      ["We know this is disruptive", "Amal Haddad", "department's director of roads"],
      ["The work cannot wait.", "Amal Haddad", "department's director of roads"],
    ]);
  });

  it("is refused when the bytes are not a Word document", async () => {
    await expect(
      decodeUpload(new TextEncoder().encode("plain text"), "fake.docx"),
    ).rejects.toMatchObject({ id: "unreadable_docx" });
  });
});
