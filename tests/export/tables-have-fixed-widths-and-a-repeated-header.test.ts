import { convertMillimetersToTwip } from "docx";
import { describe, expect, it } from "vitest";
import { parseBundle } from "../../server/schema/bundle.ts";
import { renderParts, testTemplate } from "../utils/docx-xml.ts";
import { doc, p, sampleBundle, text } from "../utils/sample-bundle.ts";

describe("tables", () => {
  it("have a fixed layout whose column widths fill the text width", async () => {
    const { parts } = await renderParts(
      sampleBundle(),
      testTemplate({ margins: { top: 25, right: 20, bottom: 25, left: 30 } }),
    );
    const xml = parts["word/document.xml"]!;
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    const cols = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols).toHaveLength(3);
    const textWidth = 11906 - convertMillimetersToTwip(20) - convertMillimetersToTwip(30);
    expect(cols.reduce((a, b) => a + b, 0)).toBeGreaterThan(textWidth - 5);
    expect(cols.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(textWidth);
    expect(
      [...xml.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].every(
        (m) => Number(m[1]) === cols[0],
      ),
    ).toBe(true);
  });

  it("repeat a styled header row on every page", async () => {
    const { parts } = await renderParts(sampleBundle());
    const rows = [...parts["word/document.xml"]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(
      (m) => m[1]!,
    );
    expect(rows[0]).toContain("<w:tblHeader/>");
    expect(rows[0]).toContain('<w:pStyle w:val="TableHeading"/>');
    expect(rows.slice(1).some((r) => r.includes("<w:tblHeader/>"))).toBe(false);
    expect(rows[1]).toContain('<w:pStyle w:val="TableText"/>');
  });

  it("size columns by the editor's widths, and span merged cells", async () => {
    const cell = (value: string, attrs: Record<string, unknown>) => ({
      type: "tableCell",
      attrs,
      content: [p(text(value))],
    });
    const bundle = parseBundle(
      doc({
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [cell("wide", { colwidth: [300] }), cell("narrow", { colwidth: [100] })],
          },
          { type: "tableRow", content: [cell("both", { colspan: 2 })] },
        ],
      }),
    );
    const { parts } = await renderParts(bundle);
    const xml = parts["word/document.xml"]!;
    const cols = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols[0]).toBe(cols[1]! * 3);
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
  });
});
