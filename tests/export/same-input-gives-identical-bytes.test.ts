import { describe, expect, it } from "vitest";
import { renderDocx } from "../../server/export/render-docx.ts";
import { docxParts, testTemplate } from "../utils/docx-xml.ts";
import { sampleBundle } from "../utils/sample-bundle.ts";

describe("export", () => {
  it("gives byte-identical files for the same input, links, bookmarks and dates included", async () => {
    const template = testTemplate({ coverPage: true, toc: true, header: "{{classification}}" });
    const first = await renderDocx(sampleBundle(), template);
    await new Promise((r) => setTimeout(r, 1100)); // past a second, where a timestamp would change
    const second = await renderDocx(sampleBundle(), template);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it("pins the document's created and modified dates", async () => {
    const parts = docxParts(await renderDocx(sampleBundle(), testTemplate()));
    expect(parts["docProps/core.xml"]).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>',
    );
    expect(parts["docProps/core.xml"]).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>',
    );
  });
});
