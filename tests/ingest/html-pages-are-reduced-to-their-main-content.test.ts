import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../server/ingest/extract.ts";

const html = readFileSync("tests/fixtures/articles/heavy-chrome-heatwave.html", "utf8");
const article = extractArticle({ html });

describe("an HTML page", () => {
  it("is reduced to its article paragraphs", () => {
    expect(article.title).toBe("Heatwave pushes Athens to close Acropolis for third day");
    expect(article.paragraphs[0]).toMatch(/^Greek authorities closed the Acropolis/);
    expect(article.paragraphs.join("\n")).not.toMatch(
      /cookie|Sign up|Share on|Privacy policy|Read more/i,
    );
  });

  it("keeps the chrome it removed as boilerplate", () => {
    expect(article.boilerplate).toEqual(
      expect.arrayContaining([
        "Accept all cookies",
        "Copy link",
        "Read more",
        "© 2024 The Aegean Herald. All rights reserved.",
      ]),
    );
  });

  it("reads source metadata from the page", () => {
    expect(article.source).toMatchObject({
      author: "Eleni Markou",
      publisher: "The Aegean Herald",
    });
    expect(article.source?.publishedAt).toMatch(/^2024-07-17/);
  });

  it("turns h2 subheadings into heading snippets and attributes curly quotes", () => {
    expect(article.snippets.filter((s) => s.kind === "heading").map((s) => s.text)).toEqual([
      "Hospitals on alert",
    ]);
    const quotes = article.snippets.filter((s) => s.kind === "quote");
    expect(quotes.map((q) => q.speaker)).toEqual([
      "Lina Mendoni",
      "Lina Mendoni",
      "Yannis Kostopoulos",
      "Yannis Kostopoulos",
    ]);
  });
});
