import { describe, expect, it } from "vitest";
import { parseBundle } from "../../server/schema/bundle.ts";
import { paragraphs, renderParts } from "../utils/docx-xml.ts";
import { doc, p, quote, SOURCES, sampleBundle, text } from "../utils/sample-bundle.ts";

describe("snippet quotes", () => {
  it("are set in the Quote style, followed by an attribution naming speaker, role and source", async () => {
    const { parts } = await renderParts(sampleBundle());
    const paras = paragraphs(parts["word/document.xml"]!);
    const at = paras.findIndex((x) => x.text === "We will not let bills rise for households.");
    expect(paras[at]!.style).toBe("Quote");
    expect(paras[at + 1]).toMatchObject({
      style: "QuoteAttribution",
      text: "— Jane Doe, Energy Minister (Reuters)",
    });
    expect(paras[at + 1]!.xml).toContain("<w:footnoteReference ");
  });

  it("keep the quote with its attribution: the Quote style keeps with the next paragraph", async () => {
    const { parts } = await renderParts(sampleBundle());
    const quoteStyle = /w:styleId="Quote">([\s\S]*?)<\/w:style>/.exec(
      parts["word/styles.xml"]!,
    )![1]!;
    expect(quoteStyle).toContain("<w:keepNext/>");
    expect(quoteStyle).toContain("<w:keepLines/>");
  });

  it("leave a plain blockquote without attribution or footnote", async () => {
    const bundle = parseBundle({
      sources: SOURCES,
      doc: doc({ type: "blockquote", content: [p(text("Just a quote."))] }),
    });
    const { parts } = await renderParts(bundle);
    const paras = paragraphs(parts["word/document.xml"]!);
    expect(paras.find((x) => x.text === "Just a quote.")?.style).toBe("Quote");
    expect(paras.some((x) => x.style === "QuoteAttribution")).toBe(false);
    expect(parts["word/document.xml"]).not.toContain("<w:footnoteReference ");
  });

  it("attribute a quote with no speaker to its publisher", async () => {
    const bundle = parseBundle({
      sources: SOURCES,
      doc: doc(quote("Words.", { snippetId: "q", articleId: "art-ft" })),
    });
    const { parts } = await renderParts(bundle);
    expect(paragraphs(parts["word/document.xml"]!).map((x) => x.text)).toContain(
      "— Financial Times",
    );
  });
});
