import { describe, expect, it } from "vitest";
import { renderParts, testTemplate, textOf } from "../utils/docx-xml.ts";
import { sampleBundle } from "../utils/sample-bundle.ts";

describe("the table of contents", () => {
  it("lists every heading before Word updates it, and asks Word to update fields", async () => {
    const { parts } = await renderParts(sampleBundle(), testTemplate({ toc: true }));
    const xml = parts["word/document.xml"]!;
    const toc = /<w:sdt>([\s\S]*?)<\/w:sdt>/.exec(xml)![1]!;
    expect(toc).toContain("TOC \\h \\o &quot;1-3&quot;");
    expect(textOf(toc).split("\n")).toEqual(["Summary", "What was said", "Options", "Sources"]);
    expect(toc).toContain('<w:pStyle w:val="TOC2"/>');
    // Each entry links to a bookmark on its heading.
    expect(xml).toMatch(
      /<w:bookmarkStart w:name="_Toc1" w:id="1"\/><w:r><w:t xml:space="preserve">Summary<\/w:t>/,
    );
    expect(parts["word/settings.xml"]).toContain("<w:updateFields/>");
  });

  it("is absent, and Word isn't asked to update fields, when the template has none", async () => {
    const { parts } = await renderParts(sampleBundle(), testTemplate({ toc: false }));
    expect(parts["word/document.xml"]).not.toContain("<w:sdt>");
    expect(parts["word/settings.xml"]).not.toContain("updateFields");
  });
});
