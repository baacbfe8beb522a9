import { describe, expect, it } from "vitest";
import { parseBundle } from "../../server/schema/bundle.ts";
import { paragraphs, renderParts, testTemplate } from "../utils/docx-xml.ts";
import { cite, doc, h, p, SOURCES, sampleBundle, text } from "../utils/sample-bundle.ts";

describe("the Sources list", () => {
  it("names each cited source once, in first-cited order, under its own heading", async () => {
    const { parts } = await renderParts(sampleBundle());
    const paras = paragraphs(parts["word/document.xml"]!);
    const at = paras.findIndex((x) => x.text === "Sources");
    expect(paras[at]!.style).toBe("Heading1");
    expect(paras.slice(at + 1).map((x) => [x.style, x.text])).toEqual([
      [
        "SourceEntry",
        "A. Writer, “Ministers agree grid levy”, Reuters, 5 March 2024. https://example.com/reuters/grid-levy",
      ],
      [
        "SourceEntry",
        "“Energy costs weigh on industry”, Financial Times, 28 February 2024. https://example.com/ft/energy-costs",
      ],
    ]);
  });

  it("goes inside the brief's own Sources section rather than adding another", async () => {
    const bundle = parseBundle({
      sources: SOURCES,
      doc: doc(
        h(1, "Sources"),
        p(text("See below.")),
        h(1, "Annex"),
        p(text("x", cite("s", "art-ft"))),
      ),
    });
    const { parts } = await renderParts(bundle);
    const texts = paragraphs(parts["word/document.xml"]!)
      .map((x) => x.text)
      .slice(1);
    expect(texts.filter((t) => t === "Sources")).toHaveLength(1);
    expect(texts[2]).toMatch(/^“Energy costs weigh on industry”/);
    expect(texts[3]).toBe("Annex");
  });

  it("is left out when the template turns it off or nothing is cited", async () => {
    const off = await renderParts(sampleBundle(), testTemplate({ sourcesList: false }));
    expect(paragraphs(off.parts["word/document.xml"]!).some((x) => x.style === "SourceEntry")).toBe(
      false,
    );
    const none = await renderParts(parseBundle({ sources: SOURCES, doc: doc(p(text("uncited"))) }));
    expect(paragraphs(none.parts["word/document.xml"]!).some((x) => x.text === "Sources")).toBe(
      false,
    );
  });
});
