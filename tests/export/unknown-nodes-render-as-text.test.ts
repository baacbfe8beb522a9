import { describe, expect, it } from "vitest";
import { parseBundle } from "../../server/schema/bundle.ts";
import { paragraphs, renderParts } from "../utils/docx-xml.ts";
import { doc, p, text } from "../utils/sample-bundle.ts";

describe("unknown content", () => {
  it("renders as plain text with one warning per kind, never a failed export", async () => {
    const bundle = parseBundle(
      doc(
        { type: "callout", attrs: { tone: "warn" }, content: [p(text("Inside a callout"))] },
        { type: "mathBlock", content: [text("E = mc²")] },
        { type: "mystery", text: "Leaf text" },
        p(text("Tagged", { type: "highlight", attrs: { color: "yellow" } }), {
          type: "mention",
          attrs: { id: "u1" },
          content: [text("@jane")],
        }),
        { type: "callout", content: [p(text("Another callout"))] },
      ),
    );
    const { parts, warnings } = await renderParts(bundle);
    const texts = paragraphs(parts["word/document.xml"]!).map((x) => x.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        "Inside a callout",
        "E = mc²",
        "Leaf text",
        "Tagged@jane",
        "Another callout",
      ]),
    );
    expect(warnings.sort()).toEqual([
      'export: unknown mark "highlight" rendered as plain text',
      'export: unknown node "callout" rendered as plain text',
      'export: unknown node "mathBlock" rendered as plain text',
      'export: unknown node "mention" rendered as plain text',
      'export: unknown node "mystery" rendered as plain text',
    ]);
  });
});
