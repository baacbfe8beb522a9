import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../server/errors.ts";
import { parseTemplate } from "../../server/templates/validate.ts";
import { templateInput } from "../utils/factories.ts";
import { openTestRegistry } from "./fixtures/test-registry.ts";

const base = templateInput();
const withSection = (section: Record<string, unknown>) => templateInput({ sections: [section] });
const withField = (field: Record<string, unknown>) => templateInput({ fields: [field] });

const cases: [string, Record<string, unknown>, string][] = [
  [
    "a section without a heading",
    withSection({ guidance: "Say it." }),
    "sections.0.heading: a section needs a heading",
  ],
  [
    "a blank section heading",
    withSection({ heading: "   " }),
    "sections.0.heading: a section needs a heading",
  ],
  [
    "an unknown field type",
    withField({ key: "budget", label: "Budget", type: "number" }),
    'fields.0.type: unknown field type "number" (use text, date or select)',
  ],
  [
    "a select default that is not an option",
    withField({
      key: "marking",
      label: "Marking",
      type: "select",
      options: ["OFFICIAL"],
      default: "SECRET",
    }),
    "fields.0.default: default must be one of the options",
  ],
  [
    "two fields with one key",
    templateInput({ fields: [...(base.fields as object[]), (base.fields as object[])[1]] }),
    'fields.3.key: duplicate field key "author"',
  ],
  [
    "a header placeholder naming no field",
    templateInput({ style: { header: "{{clasification}}" } }),
    'style.header: unknown field "clasification" in {{clasification}}',
  ],
  [
    "a quotes rule that selects facts",
    withSection({ heading: "Voices", autofill: { kind: "fact", as: "quotes" } }),
    'sections.0.autofill.kind: "quotes" need quote snippets, not fact',
  ],
  ["a template without a name", templateInput({ name: undefined }), "name: is required"],
];

describe("an invalid template", () => {
  it.each(cases)("with %s is refused with a 400 naming the field", (_what, input, message) => {
    let error: unknown;
    try {
      parseTemplate(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).id).toBe("invalid_template");
    expect((error as AppError).message).toBe(message);
  });
});

describe("creating an invalid user template", () => {
  let ctx: Awaited<ReturnType<typeof openTestRegistry>>;
  beforeEach(async () => {
    ctx = await openTestRegistry();
  });
  afterEach(() => ctx.close());

  it.each(cases)("with %s stores nothing", async (_what, input, message) => {
    await expect(ctx.registry.create(input)).rejects.toThrow(message);
    expect(await ctx.store.templates.list()).toEqual([]);
  });
});
