import { describe, expect, it } from "vitest";
import { parseBundle } from "../../server/schema/bundle.ts";
import { paragraphs, renderParts, testTemplate } from "../utils/docx-xml.ts";

describe("an empty brief", () => {
  it("exports as a valid document with its title, and without footnotes or Sources", async () => {
    for (const style of [{}, { coverPage: true, toc: true }]) {
      const { parts } = await renderParts(
        parseBundle({ type: "doc", content: [] }),
        testTemplate(style),
      );
      expect(parts["word/document.xml"]).toContain("</w:body>");
      expect(paragraphs(parts["word/document.xml"]!)[0]).toMatchObject({
        style: "Title",
        text: "Test brief",
      });
      expect(parts["word/document.xml"]).not.toContain("<w:footnoteReference");
    }
  });

  it("exports a doc with no content at all", async () => {
    const { parts } = await renderParts(parseBundle({ type: "doc" }));
    expect(parts["word/document.xml"]).toContain("<w:sectPr>");
  });
});
