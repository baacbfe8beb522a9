import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { templateInput } from "../utils/factories.ts";
import { BUILT_IN_DIR, openTestRegistry } from "./fixtures/test-registry.ts";

const dir = mkdtempSync(path.join(tmpdir(), "briefroom-builtins-"));
cpSync(path.join(BUILT_IN_DIR, "policy-brief"), path.join(dir, "policy-brief"), {
  recursive: true,
});
function put(folder: string, content: string | object) {
  mkdirSync(path.join(dir, folder));
  const text = typeof content === "string" ? content : JSON.stringify(content);
  writeFileSync(path.join(dir, folder, "template.json"), text);
}
put("broken-json", '{ "id": "broken-json", ');
put("no-heading", templateInput({ id: "no-heading", sections: [{ guidance: "orphan" }] }));
put("wrong-folder", templateInput({ id: "elsewhere" }));
put("bad-reference", templateInput({ id: "bad-reference", referenceDocx: "styles.docx" }));
writeFileSync(path.join(dir, "bad-reference", "styles.docx"), "not a zip");
writeFileSync(path.join(dir, "README.md"), "Folders are templates; files are ignored.");

const ctx = await openTestRegistry(dir);
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("loading built-in templates with broken ones among them", () => {
  it("still loads the valid ones", async () => {
    expect((await ctx.registry.list()).map((t) => t.id)).toEqual(["policy-brief"]);
  });

  it("reports each broken one with its path and failing field", () => {
    const at = (folder: string) => path.join(dir, folder, "template.json");
    expect(ctx.registry.problems).toEqual([
      {
        path: at("bad-reference"),
        field: "referenceDocx",
        message: expect.stringMatching(/not a \.docx/),
      },
      {
        path: at("broken-json"),
        field: "(file)",
        message: expect.stringMatching(/^not valid JSON: /),
      },
      { path: at("no-heading"), field: "sections.0.heading", message: "a section needs a heading" },
      {
        path: at("wrong-folder"),
        field: "id",
        message: '"elsewhere" must match its folder name "wrong-folder"',
      },
    ]);
  });

  it("logs a warning for each, naming the file and field", () => {
    expect(ctx.log.warnings).toHaveLength(4);
    expect(ctx.log.warnings[2]?.message).toBe(
      `Template ${path.join(dir, "no-heading", "template.json")} is invalid: sections.0.heading: a section needs a heading`,
    );
  });
});
