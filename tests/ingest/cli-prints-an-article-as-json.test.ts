import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ArticleSchema } from "../../server/schema/article.ts";

const run = (...args: string[]) =>
  spawnSync(process.execPath, ["scripts/run-bundled.mjs", "extract", ...args], {
    encoding: "utf8",
  });

describe("the extract CLI", () => {
  it("prints one Article as JSON, using the sibling .meta.json", () => {
    const result = run("seeds/north-korea-troops-russia.txt");
    expect(result.status).toBe(0);
    const article = ArticleSchema.parse(JSON.parse(result.stdout));
    expect(article.source?.publisher).toBe("The Moscow Times");
    expect(article.snippets.filter((s) => s.kind === "quote")).toHaveLength(11);
  });

  it("exits non-zero with a message for a missing file", () => {
    const result = run("no/such/file.txt");
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/cannot read/);
    expect(result.stdout).toBe("");
  });
});
