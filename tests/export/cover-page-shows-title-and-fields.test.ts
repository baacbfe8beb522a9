import { describe, expect, it } from "vitest";
import { paragraphs, renderParts, testTemplate } from "../utils/docx-xml.ts";
import { sampleBundle } from "../utils/sample-bundle.ts";

describe("the front of the brief", () => {
  it("is a cover section with the title and every filled-in field when the template asks", async () => {
    const { parts } = await renderParts(sampleBundle(), testTemplate({ coverPage: true }));
    const xml = parts["word/document.xml"]!;
    const paras = paragraphs(xml);
    expect(paras[0]).toMatchObject({ style: "Title", text: "Grid levy: options for the minister" });
    expect(paras.map((x) => x.text)).toEqual(
      expect.arrayContaining([
        "Classification: OFFICIAL-SENSITIVE",
        "Author: Policy Unit",
        "Date: 6 March 2024",
      ]),
    );
    // The cover ends its own section, so the body starts on a new page.
    const firstSectPr = xml.indexOf("<w:sectPr>");
    expect(firstSectPr).toBeLessThan(xml.indexOf("Summary"));
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(2);
  });

  it("is a title and a line of fields otherwise", async () => {
    const { parts } = await renderParts(sampleBundle(), testTemplate({ coverPage: false }));
    const paras = paragraphs(parts["word/document.xml"]!);
    expect(paras[0]).toMatchObject({ style: "Title" });
    expect(paras[1]).toMatchObject({
      style: "BriefMeta",
      text: "Classification: OFFICIAL-SENSITIVE   ·   Author: Policy Unit   ·   Date: 6 March 2024",
    });
  });
});
