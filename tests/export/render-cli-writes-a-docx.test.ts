import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { docxParts, textOf } from "../utils/docx-xml.ts";
import { sampleBundle } from "../utils/sample-bundle.ts";

const dir = mkdtempSync(path.join(tmpdir(), "briefroom-render-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function render(...args: string[]) {
  return spawnSync(process.execPath, ["scripts/run-bundled.mjs", "render", ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm run render", () => {
  it("writes a .docx from a bundle and a built-in template", () => {
    const input = path.join(dir, "bundle.json");
    const out = path.join(dir, "brief.docx");
    writeFileSync(input, JSON.stringify(sampleBundle()));
    const run = render("--in", input, "--template", "policy-brief", "--out", out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const parts = docxParts(readFileSync(out));
    expect(textOf(parts["word/header1.xml"]!)).toBe("OFFICIAL-SENSITIVE");
    expect(parts["word/footnotes.xml"]).toContain("Reuters");
  });

  it("accepts a bare ProseMirror doc", () => {
    const input = path.join(dir, "doc.json");
    const out = path.join(dir, "doc.docx");
    writeFileSync(
      input,
      JSON.stringify({
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "Hello" }] }],
      }),
    );
    expect(render("--in", input, "--template", "policy-brief", "--out", out).status).toBe(0);
    expect(textOf(docxParts(readFileSync(out))["word/document.xml"]!)).toContain("Hello");
  });

  it("fails clearly on missing arguments, an unknown template and an invalid bundle", () => {
    const missing = render("--in", "x.json");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("missing --template, --out");
    const input = path.join(dir, "ok.json");
    writeFileSync(input, JSON.stringify(sampleBundle()));
    const unknown = render(
      "--in",
      input,
      "--template",
      "no-such-template",
      "--out",
      path.join(dir, "x.docx"),
    );
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no template "no-such-template"');
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ title: 1, doc: { type: "paragraph" } }));
    const invalid = render(
      "--in",
      bad,
      "--template",
      "policy-brief",
      "--out",
      path.join(dir, "y.docx"),
    );
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain("is not a valid bundle");
    expect(invalid.stderr).not.toContain("    at ");
  });

  it("runs the same with a code cache that belongs to another bundle, and replaces it", () => {
    const input = path.join(dir, "cached.json");
    writeFileSync(input, JSON.stringify(sampleBundle()));
    const run = (out: string) =>
      render("--in", input, "--template", "policy-brief", "--out", path.join(dir, out));
    expect(run("first.docx").status).toBe(0);
    const bundle = readFileSync(".cache/cli/render.cjs");
    const cache = ".cache/cli/render.cjs.v8cache";
    const hash = createHash("sha256").update(bundle).digest();
    expect(readFileSync(cache).subarray(0, 32)).toEqual(hash);

    // V8 checks only the source's length, so a stale cache must be told apart by its hash.
    writeFileSync(cache, Buffer.concat([Buffer.alloc(32, 7), Buffer.alloc(4096, 1)]));
    const again = run("second.docx");
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    expect(readFileSync(path.join(dir, "second.docx"))).toEqual(
      readFileSync(path.join(dir, "first.docx")),
    );
    expect(readFileSync(cache).subarray(0, 32)).toEqual(hash);
  });
});
