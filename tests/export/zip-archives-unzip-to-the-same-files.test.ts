import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { expect, it } from "vitest";
import { zipFiles } from "../../server/export/zip.ts";

const files: [string, Uint8Array][] = [
  ["[Content_Types].xml", Buffer.from(`<?xml version="1.0"?>${"<Types/>".repeat(500)}`)],
  ["word/document.xml", Buffer.from("<w:document>Café — “quoted” 北京</w:document>")],
  ["word/media/empty.bin", new Uint8Array(0)],
  ["word/media/noise.bin", Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)],
];
const date = new Date(2000, 0, 1, 13, 45, 30);

it("a zip archive unzips to the same files, in order, with the given date", () => {
  const zip = zipFiles(files, date);
  const out = unzipSync(zip);
  expect(Object.keys(out)).toEqual(files.map(([name]) => name));
  for (const [name, data] of files) expect(out[name]).toEqual(new Uint8Array(data));
  // Deflated: the repetitive XML shrinks.
  expect(zip.length).toBeLessThan(files.reduce((n, [, d]) => n + d.length, 0));
  expect(zipFiles(files, date)).toEqual(zip);
});

it("Info-ZIP's unzip accepts the archive and reads the date back", (ctx) => {
  try {
    execFileSync("unzip", ["-v"], { stdio: "ignore" });
  } catch {
    ctx.skip("unzip is not installed");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "briefroom-zip-"));
  const file = path.join(dir, "test.zip");
  writeFileSync(file, zipFiles(files, date));
  execFileSync("unzip", ["-tq", file]);
  const listing = execFileSync("unzip", ["-l", file], { encoding: "utf8" });
  expect(listing).toContain("2000-01-01 13:45");
  expect(listing).toContain("word/document.xml");
});
