import { describe, expect, it } from "vitest";
import { decodeUpload } from "../../server/ingest/decode-upload.ts";
import { extractArticle } from "../../server/ingest/extract.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("uploads", () => {
  it("read .txt and .html files as text and HTML", async () => {
    expect(await decodeUpload(bytes("Hello"), "a.txt")).toEqual({ text: "Hello" });
    expect(await decodeUpload(bytes("<p>Hi</p>"), "a.html")).toEqual({ html: "<p>Hi</p>" });
    expect(await decodeUpload(bytes("\uFEFFWith BOM"), "a.txt")).toEqual({ text: "With BOM" });
  });

  it("refuse binary, non-UTF-8, empty and unknown files with a clear error", async () => {
    await expect(
      decodeUpload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), "a.txt"),
    ).rejects.toMatchObject({ id: "binary_upload", status: 400 });
    await expect(
      decodeUpload(new Uint8Array([0x66, 0xff, 0xfe, 0x41]), "a.txt"),
    ).rejects.toMatchObject({ id: "undecodable_text" });
    await expect(decodeUpload(new Uint8Array(), "a.txt")).rejects.toMatchObject({
      id: "empty_upload",
    });
    await expect(decodeUpload(bytes("x"), "a.pdf")).rejects.toMatchObject({ status: 415 });
  });

  it("refuse input with no article text", () => {
    expect(() => extractArticle({ text: "   \n\n " })).toThrow(
      expect.objectContaining({ id: "no_article_body" }),
    );
    expect(() => extractArticle({ text: "Share\nTweet\nEmail" })).toThrow(
      expect.objectContaining({ id: "no_article_body" }),
    );
    expect(() => extractArticle({ text: "a", html: "<p>b</p>" })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
