import { describe, expect, it } from "vitest";
import type { PMNode } from "../../server/schema/brief.ts";
import { parseBundle } from "../../server/schema/bundle.ts";
import { paragraphs, renderParts, testTemplate } from "../utils/docx-xml.ts";
import { doc, p, SOURCES, text } from "../utils/sample-bundle.ts";

const WORDS = "Grid fees will have to rise next year.";
const ATTRS = {
  snippetId: "q",
  articleId: "art-reuters",
  speaker: "Klaus Müller",
  speakerRole: "president of the Federal Network Agency",
};

/** A snippet quote of WORDS, with any typed lines after the words. */
const quoteWith = (...lines: string[]): PMNode => ({
  type: "blockquote",
  attrs: ATTRS,
  content: [p(text(WORDS)), ...lines.map((line) => p(text(line)))],
});

// A brief without a table of contents is written straight to XML, one with it through docx's
// objects: both must set a quote the same way.
const WRITERS = [
  ["written as XML", testTemplate()],
  ["built with docx", testTemplate({ toc: true })],
] as const;

async function render(blocks: PMNode | PMNode[], template = testTemplate()) {
  const bundle = parseBundle({ sources: SOURCES, doc: doc(...[blocks].flat()) });
  const { parts } = await renderParts(bundle, template);
  const xml = parts["word/document.xml"]!;
  const paras = paragraphs(xml);
  return {
    paras,
    attributions: paras.filter((x) => x.text.startsWith("—")),
    notes: xml.match(/<w:footnoteReference /g)?.length ?? 0,
  };
}

describe("a quote whose last line is a typed attribution", () => {
  it.each(WRITERS)(
    "prints that line as its one attribution, footnoted (%s)",
    async (_, template) => {
      const line = "— Klaus Müller, president of the Federal Network Agency";
      const { paras, attributions, notes } = await render(quoteWith(line), template);
      expect(attributions).toHaveLength(1);
      expect(attributions[0]).toMatchObject({ style: "QuoteAttribution", text: line });
      expect(attributions[0]!.xml).toContain("<w:footnoteReference ");
      expect(notes).toBe(1);
      const at = paras.findIndex((x) => x.text === WORDS);
      expect(paras[at]!.style).toBe("Quote");
      expect(paras[at + 1]!.text).toBe(line);
    },
  );

  it("prints the typed name even when it is not the quote's speaker, and only that name", async () => {
    const { attributions } = await render(quoteWith("— Peter Adrian, president of the DIHK"));
    expect(attributions.map((x) => x.text)).toEqual(["— Peter Adrian, president of the DIHK"]);
  });

  it("keeps every line of the quote above a typed attribution in the Quote style", async () => {
    const { paras, attributions } = await render(
      quoteWith("Consumers will see it on their bills.", "— Klaus Müller"),
    );
    expect(paras.filter((x) => x.style === "Quote").map((x) => x.text)).toEqual([
      WORDS,
      "Consumers will see it on their bills.",
    ]);
    expect(attributions.map((x) => x.text)).toEqual(["— Klaus Müller"]);
  });
});

describe("a quote with no typed attribution", () => {
  it.each(WRITERS)(
    "still gets the attribution from its speaker, once (%s)",
    async (_, template) => {
      const { attributions, notes } = await render(quoteWith(), template);
      expect(attributions).toHaveLength(1);
      expect(attributions[0]).toMatchObject({
        style: "QuoteAttribution",
        text: "— Klaus Müller, president of the Federal Network Agency (Reuters)",
      });
      expect(notes).toBe(1);
    },
  );

  it("treats a dash that does not start the last line as part of the quote", async () => {
    const { paras, attributions } = await render(quoteWith("Prices — not fees — are the issue."));
    expect(paras.find((x) => x.text.startsWith("Prices"))?.style).toBe("Quote");
    expect(attributions.map((x) => x.text)).toEqual([
      "— Klaus Müller, president of the Federal Network Agency (Reuters)",
    ]);
  });
});

describe("a quote followed by a typed attribution paragraph", () => {
  const line = "— Klaus Müller, president of the Federal Network Agency";

  it.each(WRITERS)(
    "prints that paragraph as its one attribution, footnoted, and only once (%s)",
    async (_, template) => {
      const { paras, attributions, notes } = await render(
        [quoteWith(), p(text(line)), p(text("Analysts expect more."))],
        template,
      );
      expect(attributions).toHaveLength(1);
      expect(attributions[0]).toMatchObject({ style: "QuoteAttribution", text: line });
      expect(attributions[0]!.xml).toMatch(/<w:footnoteReference [^>]*\/>(?:<\/w:r>)?<\/w:p>$/);
      expect(notes).toBe(1);
      const at = paras.findIndex((x) => x.text === WORDS);
      expect(paras.slice(at, at + 3).map((x) => [x.style, x.text])).toEqual([
        ["Quote", WORDS],
        ["QuoteAttribution", line],
        [undefined, "Analysts expect more."],
      ]);
    },
  );

  it.each(WRITERS)("keeps the paragraph's own formatting (%s)", async (_, template) => {
    const typed = p(text("— Peter Adrian, "), text("president of the DIHK", "italic"));
    const { attributions } = await render([quoteWith(), typed], template);
    expect(attributions.map((x) => x.text)).toEqual(["— Peter Adrian, president of the DIHK"]);
    expect(attributions[0]!.xml).toContain("<w:i/>");
  });

  it.each(WRITERS)("reads a quote inside a table cell the same way (%s)", async (_, template) => {
    const cell = { type: "tableCell", content: [quoteWith(), p(text(line))] };
    const { attributions, notes } = await render(
      { type: "table", content: [{ type: "tableRow", content: [cell] }] },
      template,
    );
    expect(attributions.map((x) => [x.style, x.text])).toEqual([["QuoteAttribution", line]]);
    expect(notes).toBe(1);
  });

  it.each(WRITERS)("reads a quote inside a list item the same way (%s)", async (_, template) => {
    const item = { type: "listItem", content: [p(text("Fees")), quoteWith(), p(text(line))] };
    const { paras, attributions, notes } = await render(
      [{ type: "bulletList", content: [item] }, p(text("After the list."))],
      template,
    );
    expect(attributions.map((x) => [x.style, x.text])).toEqual([["QuoteAttribution", line]]);
    expect(notes).toBe(1);
    const at = paras.findIndex((x) => x.text === WORDS);
    expect(paras.slice(at, at + 3).map((x) => x.text)).toEqual([WORDS, line, "After the list."]);
  });
});

describe("a quote followed by a paragraph that is not an attribution", () => {
  it.each(WRITERS)(
    "keeps its attribution from its speaker, and the paragraph as written (%s)",
    async (_, template) => {
      const after = "Analysts — and ministers — expect more.";
      const { paras, attributions, notes } = await render([quoteWith(), p(text(after))], template);
      const drawn = "— Klaus Müller, president of the Federal Network Agency (Reuters)";
      expect(attributions.map((x) => [x.style, x.text])).toEqual([["QuoteAttribution", drawn]]);
      expect(notes).toBe(1);
      const at = paras.findIndex((x) => x.text === WORDS);
      expect(paras.slice(at, at + 3).map((x) => [x.style, x.text])).toEqual([
        ["Quote", WORDS],
        ["QuoteAttribution", drawn],
        [undefined, after],
      ]);
    },
  );
});
