import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { parseBundle } from "../../server/schema/bundle.ts";

describe("parseBundle", () => {
  it("takes a full bundle, filling what it leaves out", () => {
    const bundle = parseBundle({ title: "T", doc: { type: "doc", content: [] } });
    expect(bundle).toEqual({
      title: "T",
      fields: {},
      sources: {},
      doc: { type: "doc", content: [] },
    });
  });

  it("takes a bare ProseMirror doc", () => {
    expect(parseBundle({ type: "doc", content: [] })).toEqual({
      title: "",
      fields: {},
      sources: {},
      doc: { type: "doc", content: [] },
    });
  });

  it("refuses a body that isn't a doc, and bad sources", () => {
    expect(() => parseBundle({ doc: { type: "paragraph" } })).toThrow(ZodError);
    expect(() => parseBundle({ doc: { type: "doc" }, sources: { a: { publisher: "x" } } })).toThrow(
      ZodError,
    );
    expect(() => parseBundle("nope")).toThrow(ZodError);
  });
});
