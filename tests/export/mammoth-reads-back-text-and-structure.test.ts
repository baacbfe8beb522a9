import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { renderDocx } from "../../server/export/render-docx.ts";
import { testTemplate } from "../utils/docx-xml.ts";
import { sampleBundle } from "../utils/sample-bundle.ts";

describe("mammoth", () => {
  it("reads back the headings, lists, table, links and footnotes", async () => {
    const bytes = await renderDocx(sampleBundle(), testTemplate({ coverPage: true }));
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(messages.filter((m) => m.type === "error")).toEqual([]);
    expect(html).toContain("<h1>Summary</h1>");
    expect(html).toContain("<h2>What was said</h2>");
    expect(html).toContain("<h3>Options</h3>");
    expect(html).toMatch(
      /<ol><li>Phase the levy in<ul><li>from 2025<\/li><li>from 2026<\/li><\/ul><\/li><li>Exempt small firms<\/li><\/ol>/,
    );
    expect(html).toMatch(/<table><thead><tr><th><p>Option<\/p><\/th>/);
    expect(html).toContain('<a href="https://example.com/x">a link</a>');
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain("<em> italic</em>");
    expect(html.match(/<li id="footnote-\d+">/g)).toHaveLength(5);
  });

  it("reads back the text in order", async () => {
    const bytes = await renderDocx(sampleBundle(), testTemplate());
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const order = [
      "Grid levy: options for the minister",
      "Summary",
      "Ministers agreed a levy",
      "We will not let bills rise",
      "— Jane Doe, Energy Minister (Reuters)",
      "Fourth option",
      "Medium",
      "after a break.",
      "total = sum(levy)",
      "Sources",
    ];
    const positions = order.map((t) => value.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
