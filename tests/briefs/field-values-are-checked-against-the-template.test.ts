import { describe, expect, it } from "vitest";
import { buildInitialDoc } from "../../server/briefs/initial-doc.ts";
import { readMeta } from "../../server/collab/meta.ts";
import { AppError } from "../../server/errors.ts";
import { buildTemplate } from "../utils/factories.ts";

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const template = buildTemplate();
const create =
  (fields: Record<string, string>, t = template) =>
  () =>
    buildInitialDoc({ title: "T", template: t, fields });

describe("field values given at creation", () => {
  it("refuse a select value that is not one of its options, naming the field", () => {
    const error = failure(create({ classification: "TOP SECRET" }));
    expect(error.status).toBe(400);
    expect(error.message).toBe('fields.classification: must be one of "OFFICIAL", "SECRET"');
  });

  it("refuse a date that is not a real YYYY-MM-DD date", () => {
    expect(failure(create({ date: "25/10/2024" })).message).toMatch(/^fields\.date: /);
    expect(failure(create({ date: "2024-02-30" })).message).toMatch(/^fields\.date: /);
  });

  it("refuse a field the template does not define", () => {
    expect(failure(create({ colour: "blue" })).message).toBe(
      "fields.colour: the template has no such field",
    );
  });

  it("refuse fields for a brief without a template", () => {
    const error = failure(() => buildInitialDoc({ title: "T", fields: { author: "me" } }));
    expect(error.message).toMatch(/^fields\.author: /);
  });

  it("refuse text longer than the field allows", () => {
    const short = buildTemplate({
      fields: [{ key: "code", label: "Code", type: "text", maxLength: 4 }],
    });
    expect(failure(create({ code: "ABCDE" }, short)).message).toBe(
      "fields.code: must be at most 4 characters",
    );
  });

  it('accept valid values, an empty select and "today" for a date', () => {
    const now = new Date(2025, 0, 2);
    const doc = buildInitialDoc({
      title: "T",
      template,
      fields: { classification: "", date: "today" },
      now,
    });
    expect(readMeta(doc).fields).toMatchObject({ classification: "", date: "2025-01-02" });
    expect(() =>
      buildInitialDoc({
        title: "T",
        template,
        fields: { classification: "SECRET", date: "2024-02-29" },
      }),
    ).not.toThrow();
  });
});
