import { describe, expect, it } from "vitest";
import {
  assertDocx,
  docxProblem,
  MAX_REFERENCE_DOCX_BYTES,
} from "../../server/templates/docx-check.ts";
import { realDocx, SPREADSHEET_TYPES, zipOf } from "./fixtures/docx-files.ts";

describe("the reference .docx check", () => {
  it("accepts a .docx written by a real Word library", async () => {
    expect(docxProblem(await realDocx())).toBeNull();
  });

  it("refuses a file that is not a zip", () => {
    expect(docxProblem(new TextEncoder().encode("Dear readers, this is plain text."))).toMatch(
      /not a zip/,
    );
  });

  it("refuses a zip without the parts every Word document has", () => {
    expect(docxProblem(zipOf({ "notes.txt": "hello" }))).toMatch(/no \[Content_Types\]\.xml/);
    expect(docxProblem(zipOf({ "[Content_Types].xml": "<Types/>" }))).toMatch(
      /no word\/document\.xml/,
    );
  });

  it("refuses an Office file of another kind dressed up with a document part", () => {
    const fake = zipOf({
      "[Content_Types].xml": SPREADSHEET_TYPES,
      "word/document.xml": "<w:document/>",
    });
    expect(docxProblem(fake)).toMatch(/not a Word document/);
  });

  it("refuses a truncated .docx", async () => {
    const docx = await realDocx();
    expect(docxProblem(docx.subarray(0, Math.floor(docx.length / 2)))).toMatch(/damaged|not a/);
  });

  it("answers 400 naming the field for a non-docx and 413 past 5 MB", () => {
    expect(() => assertDocx(new Uint8Array(100))).toThrow(/^file: /);
    const huge = new Uint8Array(MAX_REFERENCE_DOCX_BYTES + 1);
    expect(() => assertDocx(huge)).toThrow(expect.objectContaining({ status: 413 }));
  });
});
