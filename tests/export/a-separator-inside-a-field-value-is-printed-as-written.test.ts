import { describe, expect, it } from "vitest";
import { loadTemplateFile } from "../../server/export/load-template-file.ts";
import { fillLine } from "../../server/export/placeholders.ts";
import { paragraphs, renderParts } from "../utils/docx-xml.ts";
import { sampleBundle } from "../utils/sample-bundle.ts";

const TITLE = 'Energy: "Q3" outlook / risks <draft> | v2?*';

describe("a separator inside a field value", () => {
  it("is printed as written in the footer of a policy brief, as on page 1", async () => {
    const { template } = await loadTemplateFile("policy-brief");
    const { parts } = await renderParts(sampleBundle({ title: TITLE }), template);
    expect(paragraphs(parts["word/document.xml"]!)[0]).toMatchObject({
      style: "Title",
      text: TITLE,
    });
    expect(paragraphs(parts["word/footer1.xml"]!)[0]!.text).toBe(
      `OFFICIAL-SENSITIVE · ${TITLE} · 6 March 2024`,
    );
  });

  it("is never read as one, wherever it falls in the value", () => {
    const line = "{{a}} · {{b}} | {{c}}";
    expect(fillLine(line, { a: "| lead", b: "mid · dle", c: "trail |" })).toBe(
      "| lead · mid · dle · trail |",
    );
    expect(fillLine(line, { a: "·", b: "", c: "|" })).toBe("· · |");
  });
});
