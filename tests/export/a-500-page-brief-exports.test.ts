import { describe, expect, it } from "vitest";
import { renderDocx } from "../../server/export/render-docx.ts";
import { docxParts, testTemplate } from "../utils/docx-xml.ts";
import { largeBundle } from "../utils/sample-bundle.ts";

describe("a 500-page brief", () => {
  it("exports with every citation and quote footnoted", async () => {
    const bundle = largeBundle(500);
    const bytes = await renderDocx(bundle, testTemplate({ toc: true }));
    const parts = docxParts(bytes);
    const notes = parts["word/footnotes.xml"]!.match(/<w:footnote w:id="\d+">/g)!.length;
    expect(notes).toBe(3000);
    expect(parts["word/document.xml"]!.match(/<w:footnoteReference /g)!.length).toBe(3000);
  }, 120_000);
});
