import { describe, expect, it } from "vitest";
import { parseBundle } from "../../server/schema/bundle.ts";
import { renderParts } from "../utils/docx-xml.ts";
import { doc, link, p, sampleBundle, text } from "../utils/sample-bundle.ts";

describe("inline formatting", () => {
  it("turns bold, italic, underline, strike, code and links into run properties and styles", async () => {
    const bundle = parseBundle(
      doc(
        p(
          text("b", "bold"),
          text("i", "italic"),
          text("u", "underline"),
          text("s", "strike"),
          text("c", "code"),
          text("both", "bold", "italic"),
          text("l", link("https://example.com/a")),
        ),
      ),
    );
    const { parts } = await renderParts(bundle);
    const xml = parts["word/document.xml"]!;
    expect(xml).toContain('<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">b</w:t>');
    expect(xml).toContain('<w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">i</w:t>');
    expect(xml).toContain('<w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">u</w:t>');
    expect(xml).toContain('<w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">s</w:t>');
    expect(xml).toContain(
      '<w:rPr><w:rStyle w:val="InlineCode"/></w:rPr><w:t xml:space="preserve">c</w:t>',
    );
    expect(xml).toMatch(
      /<w:hyperlink w:history="1" r:id="(rIdL1)"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">l<\/w:t>/,
    );
    expect(parts["word/_rels/document.xml.rels"]).toMatch(
      /Id="rIdL1"[^>]*Target="https:\/\/example.com\/a"|Target="https:\/\/example.com\/a"[^>]*Id="rIdL1"/,
    );
  });

  it("never writes a flag that is off", async () => {
    const { parts } = await renderParts(sampleBundle());
    const xml = parts["word/document.xml"]!;
    expect(
      xml.match(/<w:(b|bCs|i|iCs|u|strike|caps|smallCaps) w:val="(false|0|none)"/g),
    ).toBeNull();
    expect(xml.includes("<w:rPr></w:rPr>")).toBe(false);
    // Plain text carries no run properties at all.
    expect(xml).toContain('<w:r><w:t xml:space="preserve"> and industry says </w:t></w:r>');
  });

  it("writes hard breaks, code blocks and horizontal rules", async () => {
    const { parts } = await renderParts(sampleBundle());
    const xml = parts["word/document.xml"]!;
    expect(xml).toContain('<w:r><w:br/></w:r><w:r><w:t xml:space="preserve">after a break.</w:t>');
    expect(xml).toMatch(
      /<w:pStyle w:val="CodeBlock"\/>[\s\S]*?levy = rate \* kWh[\s\S]*?<w:br\/><w:t xml:space="preserve">total = sum\(levy\)/,
    );
    expect(xml).toContain('<w:pStyle w:val="HorizontalRule"/>');
    expect(parts["word/styles.xml"]).toMatch(
      /w:styleId="HorizontalRule">[\s\S]*?<w:pBdr><w:bottom/,
    );
  });
});
