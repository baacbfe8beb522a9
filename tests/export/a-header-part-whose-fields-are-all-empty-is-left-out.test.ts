import { describe, expect, it } from "vitest";
import { loadTemplateFile } from "../../server/export/load-template-file.ts";
import { fillLine } from "../../server/export/placeholders.ts";
import { paragraphs, renderParts } from "../utils/docx-xml.ts";
import { sampleBundle } from "../utils/sample-bundle.ts";

async function footerLine(templateId: string, fields: Record<string, string>): Promise<string> {
  const { template } = await loadTemplateFile(templateId);
  const { parts } = await renderParts(sampleBundle({ fields }), template);
  return paragraphs(parts["word/footer1.xml"]!)[0]!.text;
}

describe("a header or footer part whose fields are all empty", () => {
  it("is left out with its fixed words, so a decision memo to no one says nothing of it", async () => {
    const fields = { classification: "OFFICIAL", date: "2024-03-06" };
    expect(await footerLine("decision-memo", fields)).toBe("OFFICIAL · 6 March 2024");
    expect(await footerLine("decision-memo", { ...fields, audience: "the Minister" })).toBe(
      "OFFICIAL · Decision memo for the Minister · 6 March 2024",
    );
    expect(await footerLine("situation-report", fields)).toBe("OFFICIAL");
  });

  it("is the only kind dropped: fixed text alone, or beside one value, stays", () => {
    const values = { a: "A", b: "", c: "C" };
    expect(fillLine("DRAFT · {{b}}", values)).toBe("DRAFT");
    expect(fillLine("{{a}} {{b}} · Ref {{b}}{{c}}", values)).toBe("A · Ref C");
    expect(fillLine("Period: {{b}} · {{a}}", values)).toBe("A");
    expect(fillLine("For {{missing}}", values)).toBe("");
  });
});
