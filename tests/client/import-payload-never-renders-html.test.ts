import { describe, expect, it } from "vitest";
import { articleUrl, looksLikeHtml, pastedImport } from "../../client/sources/import-payload.ts";

describe("importing pasted content", () => {
  it("sends HTML copied from a web page as html, for the server to clean", () => {
    expect(pastedImport("Plain words", "<p>Plain <b>words</b></p>", "")).toEqual({
      html: "<p>Plain <b>words</b></p>",
    });
  });

  it("recognises markup typed or pasted as text", () => {
    expect(looksLikeHtml("<article><p>Hi</p></article>")).toBe(true);
    expect(looksLikeHtml("<3 this story, no tags")).toBe(false);
    expect(pastedImport("<!doctype html><html><body><p>x</p></body></html>", null, "T")).toEqual({
      html: "<!doctype html><html><body><p>x</p></body></html>",
      title: "T",
    });
  });

  it("sends prose as text with an optional trimmed title, and nothing for an empty paste", () => {
    expect(pastedImport("Kim met Putin.", null, "  Summit  ")).toEqual({
      text: "Kim met Putin.",
      title: "Summit",
    });
    expect(pastedImport("   ", null, "x")).toBeNull();
  });

  it("accepts only http(s) addresses as links", () => {
    expect(articleUrl(" https://example.org/a ")).toBe("https://example.org/a");
    expect(articleUrl("javascript:alert(1)")).toBeNull();
    expect(articleUrl("example.org")).toBeNull();
  });
});
