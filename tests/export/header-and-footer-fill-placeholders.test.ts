import { describe, expect, it } from "vitest";
import { renderParts, testTemplate, textOf } from "../utils/docx-xml.ts";
import { sampleBundle } from "../utils/sample-bundle.ts";

describe("header and footer", () => {
  it("carry the classification at top and bottom, with Page X of Y", async () => {
    const template = testTemplate({
      header: "{{classification}}",
      footer: "{{classification}} · {{title}} · {{date}}",
    });
    const { parts } = await renderParts(sampleBundle(), template);
    expect(textOf(parts["word/header1.xml"]!)).toBe("OFFICIAL-SENSITIVE");
    const footer = parts["word/footer1.xml"]!;
    expect(textOf(footer)).toContain(
      "OFFICIAL-SENSITIVE · Grid levy: options for the minister · 6 March 2024",
    );
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(footer).toContain('<w:instrText xml:space="preserve">NUMPAGES</w:instrText>');
    expect(textOf(footer)).toContain("Page  of ");
  });

  it("leave no {{placeholder}} anywhere, dropping the separators of empty fields", async () => {
    const template = testTemplate({
      header: "{{classification}} · {{caveat}}",
      footer: "{{nothing}} | {{author}}",
    });
    const { parts } = await renderParts(sampleBundle(), template);
    for (const [path, xml] of Object.entries(parts)) expect(xml.includes("{{"), path).toBe(false);
    expect(textOf(parts["word/header1.xml"]!)).toBe("OFFICIAL-SENSITIVE");
    expect(textOf(parts["word/footer1.xml"]!).split("\n")[0]).toBe("Policy Unit");
  });

  it("are left out when the template asks for neither", async () => {
    const { parts } = await renderParts(
      sampleBundle(),
      testTemplate({ header: "", footer: "", pageNumbers: false }),
    );
    expect(Object.keys(parts).some((p) => /word\/(header|footer)\d*\.xml/.test(p))).toBe(false);
  });
});
