// Runs a command-line tool from server/cli/ as one JavaScript module that esbuild bundled
// from the TypeScript source, rebuilt only when a source file is newer than it. Starting
// from the bundle takes a fraction of compiling the sources on every run, as tsx does.
//
//   node scripts/run-cli.mjs <render|extract> [args…]
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const [name, ...args] = process.argv.slice(2);
const entry = path.join(root, "server", "cli", `${name}.ts`);
if (!name || !existsSync(entry)) {
  process.stderr.write(`usage: node scripts/run-cli.mjs <render|extract> [args…]\n`);
  process.exit(2);
}
// Two levels below the root, like server/<part>/, so `new URL("../../templates/", …)` holds.
const out = path.join(root, ".cache", "cli", `${name}.mjs`);

/** Newest modification time of any file under `dir`, in ms. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

const sourcesChanged = () =>
  Math.max(
    newest(path.join(root, "server")),
    statSync(path.join(root, "package-lock.json")).mtimeMs,
  );

if (!existsSync(out) || statSync(out).mtimeMs < sourcesChanged()) {
  const { build } = await import("esbuild");
  const built = await build({
    entryPoints: [entry],
    outfile: out,
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    logLevel: "error",
  });
  // Written aside and renamed, so a run starting meanwhile never reads half a file.
  const aside = `${out}.${process.pid}.tmp`;
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(aside, built.outputFiles[0].contents);
  renameSync(aside, out);
}
process.argv = [process.argv[0], out, ...args];
await import(pathToFileURL(out).href);
