import { describe, expect, it } from "vitest";
import { parseBundle } from "../../server/schema/bundle.ts";
import { renderParts, testTemplate, textOf } from "../utils/docx-xml.ts";
import { cite, doc, p, quote, SOURCES, sampleBundle, text } from "../utils/sample-bundle.ts";

/** Each footnote's text, without the space that sets it off from its number. */
function footnoteTexts(footnotesXml: string): string[] {
  return [...footnotesXml.matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)].map((m) =>
    textOf(m[2]!).replace(/^ /, ""),
  );
}

describe("citations", () => {
  it("become one footnote each, numbered in reading order, quotes included", async () => {
    const { parts } = await renderParts(sampleBundle());
    const refs = [
      ...parts["word/document.xml"]!.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g),
    ].map((m) => Number(m[1]));
    // Three cited runs and two snippet quotes.
    expect(refs).toEqual([1, 2, 3, 4, 5]);
    const notes = footnoteTexts(parts["word/footnotes.xml"]!);
    expect(notes).toHaveLength(5);
    expect(notes[0]).toBe(
      "Reuters, “Ministers agree grid levy”, 5 March 2024, https://example.com/reuters/grid-levy.",
    );
    expect(notes[1]).toBe(
      "Financial Times, “Energy costs weigh on industry”, 28 February 2024, https://example.com/ft/energy-costs.",
    );
    // The template default is short-repeat: a source named before gets the short form.
    expect(notes[2]).toBe("Reuters, “Ministers agree grid levy”.");
  });

  it("put one footnote at the end of a run of text under the same citation", async () => {
    const c = cite("s1", "art-ft");
    const bundle = parseBundle({
      sources: SOURCES,
      doc: doc(p(text("costs ", c), text("are rising", c, "bold"), text(" fast."))),
    });
    const { parts } = await renderParts(bundle);
    const xml = parts["word/document.xml"]!;
    expect(xml.match(/<w:footnoteReference /g)).toHaveLength(1);
    expect(xml).toMatch(
      /are rising<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/>/,
    );
  });

  it("name the source in full every time when the template asks for full footnotes", async () => {
    const bundle = parseBundle({
      sources: SOURCES,
      doc: doc(
        p(text("a", cite("s1", "art-ft"))),
        quote("Quoted.", { snippetId: "q1", articleId: "art-ft" }),
      ),
    });
    const { parts } = await renderParts(bundle, testTemplate({ footnotes: "full" }));
    const notes = footnoteTexts(parts["word/footnotes.xml"]!);
    expect(notes).toHaveLength(2);
    expect(notes[1]).toBe(notes[0]);
  });

  it("say so when a cited source is missing from the bundle", async () => {
    const { parts } = await renderParts(parseBundle(doc(p(text("a", cite("s9", "art-gone"))))));
    expect(footnoteTexts(parts["word/footnotes.xml"]!)).toEqual([
      "Source not recorded (art-gone).",
    ]);
  });
});
