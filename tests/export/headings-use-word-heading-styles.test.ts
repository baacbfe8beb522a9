import { describe, expect, it } from "vitest";
import { parseBundle } from "../../server/schema/bundle.ts";
import { paragraphs, renderParts, testTemplate } from "../utils/docx-xml.ts";
import { doc, h, p, text } from "../utils/sample-bundle.ts";

describe("headings", () => {
  it("use Word's Heading 1–3 styles, deeper levels folding into Heading 3", async () => {
    const bundle = parseBundle(
      doc(h(1, "One"), h(2, "Two"), h(3, "Three"), h(5, "Five"), p(text("Body"))),
    );
    const { parts } = await renderParts(bundle);
    const styled = paragraphs(parts["word/document.xml"]!).filter(
      (x) => x.text !== "" && x.style !== "Title",
    );
    expect(styled.map((x) => [x.text, x.style])).toEqual([
      ["One", "Heading1"],
      ["Two", "Heading2"],
      ["Three", "Heading3"],
      ["Five", "Heading3"],
      ["Body", undefined],
    ]);
  });

  it("take the template's heading font, size and colour from the style, not the runs", async () => {
    const template = testTemplate({
      fonts: { body: "Georgia", heading: "Arial" },
      sizes: { body: 11, h1: 18, h2: 13, h3: 12, title: 26 },
      colors: { text: "#222222", heading: "#8B1A1A", accent: "#C0392B" },
    });
    const { parts } = await renderParts(parseBundle(doc(h(1, "One"))), template);
    const heading1 = /<w:style [^>]*w:styleId="Heading1">([\s\S]*?)<\/w:style>/.exec(
      parts["word/styles.xml"]!,
    )?.[1];
    expect(heading1).toContain('w:ascii="Arial"');
    expect(heading1).toContain('<w:sz w:val="36"/>');
    expect(heading1).toContain('<w:color w:val="8B1A1A"/>');
    expect(parts["word/styles.xml"]).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Georgia"/);
    expect(parts["word/document.xml"]).not.toContain("<w:rFonts");
  });
});
