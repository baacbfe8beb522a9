import { describe, expect, it } from "vitest";
import { extractArticle } from "../../server/ingest/extract.ts";

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const PIECES = [
  '"',
  "“",
  "”",
  "‘",
  "’",
  "'",
  "«",
  "»",
  " said Ana Ruiz",
  ", he said.",
  " Smith",
  " the minister",
  ".",
  ",",
  "\n",
  " word",
  " According to police",
  ":",
];

describe("quotation marks in any order", () => {
  it("never crash and always keep provenance", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const text = `Title line\n${Array.from({ length: 40 }, () => PIECES[Math.floor(next() * PIECES.length)]).join("")} end.`;
      const article = extractArticle({ text });
      for (const s of article.snippets)
        expect(article.paragraphs[s.paragraph]!.slice(s.start, s.end), `seed ${seed}`).toBe(s.text);
    }
  });

  it("read an unclosed quotation to the end of its paragraph", () => {
    const article = extractArticle({
      text: 'Title\n"We will not stop, said the mayor of the town.\nNext paragraph here.',
    });
    expect(article.snippets.find((s) => s.kind === "quote")?.text).toBe(
      "We will not stop, said the mayor of the town.",
    );
  });
});
