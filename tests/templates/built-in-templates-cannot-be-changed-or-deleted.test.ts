import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { templateInput } from "../utils/factories.ts";
import { realDocx } from "./fixtures/docx-files.ts";
import { openTestRegistry } from "./fixtures/test-registry.ts";

let ctx: Awaited<ReturnType<typeof openTestRegistry>>;
beforeEach(async () => {
  ctx = await openTestRegistry();
});
afterEach(() => ctx.close());

const readOnly = expect.objectContaining({
  status: 403,
  id: "template_read_only",
  message: expect.stringMatching(/"policy-brief" is built in and read-only/),
});

describe("a built-in template", () => {
  it("cannot be replaced, deleted or given a reference .docx", async () => {
    const before = await ctx.registry.get("policy-brief");
    await expect(
      ctx.registry.update("policy-brief", templateInput({ id: "policy-brief" })),
    ).rejects.toEqual(readOnly);
    await expect(ctx.registry.delete("policy-brief")).rejects.toEqual(readOnly);
    await expect(ctx.registry.setReferenceDocx("policy-brief", await realDocx())).rejects.toEqual(
      readOnly,
    );
    expect(await ctx.registry.get("policy-brief")).toEqual(before);
    expect(await ctx.store.templates.list()).toEqual([]);
  });

  it("cannot be shadowed by a user template of the same id", async () => {
    await expect(ctx.registry.create(templateInput({ id: "policy-brief" }))).rejects.toMatchObject({
      status: 409,
    });
  });
});

describe("a user template", () => {
  it("is listed after the built-ins and marked as not built in", async () => {
    const created = await ctx.registry.create(
      templateInput({ id: "weekly-note", name: "Weekly note" }),
    );
    expect(created).toMatchObject({ id: "weekly-note", builtIn: false });
    const list = await ctx.registry.list();
    expect(list.map((t) => [t.id, t.builtIn])).toEqual([
      ["decision-memo", true],
      ["intelligence-assessment", true],
      ["policy-brief", true],
      ["situation-report", true],
      ["weekly-note", false],
    ]);
  });

  it("gets an id from its name when it has none", async () => {
    const { id: _omit, ...input } = templateInput({ name: "Policy brief" });
    expect((await ctx.registry.create(input)).id).toBe("policy-brief-2");
  });

  it("can be replaced (its version goes up) and deleted", async () => {
    await ctx.registry.create(templateInput({ id: "weekly-note" }));
    const updated = await ctx.registry.update(
      "weekly-note",
      templateInput({ id: undefined, name: "Weekly note v2" }),
    );
    expect(updated).toMatchObject({ id: "weekly-note", name: "Weekly note v2", version: 2 });
    await expect(
      ctx.registry.update("weekly-note", templateInput({ id: "other" })),
    ).rejects.toThrow(/^id: /);
    await ctx.registry.delete("weekly-note");
    expect(await ctx.registry.get("weekly-note")).toBeNull();
    await expect(ctx.registry.delete("weekly-note")).rejects.toMatchObject({ status: 404 });
  });

  it("keeps a valid reference .docx and refuses an invalid one, leaving the old one", async () => {
    await ctx.registry.create(templateInput({ id: "styled" }));
    const docx = await realDocx();
    expect(await ctx.registry.setReferenceDocx("styled", docx)).toMatchObject({
      referenceDocx: "reference.docx",
    });
    await expect(
      ctx.registry.setReferenceDocx("styled", new TextEncoder().encode("<html>")),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^file: /),
    });
    expect(await ctx.registry.referenceDocx("styled")).toEqual(docx);
    await ctx.registry.update("styled", templateInput({ id: "styled", name: "Restyled" }));
    expect(await ctx.registry.referenceDocx("styled")).toEqual(docx);
  });
});
