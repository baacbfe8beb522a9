// Runs the server, or a command-line tool from server/cli/, as JavaScript that esbuild bundled
// from the TypeScript sources, rebuilt only when a source file is newer than the bundle.
// Starting from a bundle takes a fraction of the time and memory of compiling every module on
// each start, as tsx does (server: ~115 MB resident instead of ~175 MB).
//
// A command-line tool runs once and is gone, so its start is most of its time: it is bundled
// whole (its packages too, so nothing is resolved in node_modules) as CommonJS, which lets it
// run with a V8 code cache of the functions the last run compiled.
//
//   node scripts/run-bundled.mjs server
//   node scripts/run-bundled.mjs <render|extract> [args…]
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

const root = fileURLToPath(new URL("..", import.meta.url));
const [target, ...args] = process.argv.slice(2);

// Bundles sit two levels below the root, like server/<part>/, so paths the sources resolve
// from their own location (`new URL("../../templates/", import.meta.url)`) still hold. The
// worker (exports, source checks, article imports) sits beside the server, where the pool
// looks for `./worker.js`.
const targets = {
  server: {
    dir: ".cache/server",
    cli: false,
    entries: { main: "server/main.ts", worker: "server/workers/worker.ts" },
  },
  render: { dir: ".cache/cli", cli: true, entries: { render: "server/cli/render.ts" } },
  extract: { dir: ".cache/cli", cli: true, entries: { extract: "server/cli/extract.ts" } },
};
const spec = targets[target];
if (!spec) {
  process.stderr.write("usage: node scripts/run-bundled.mjs <server|render|extract> [args…]\n");
  process.exit(2);
}
const outDir = path.join(root, spec.dir);
const ext = spec.cli ? ".cjs" : ".js";
const outputs = Object.keys(spec.entries).map((name) => path.join(outDir, `${name}${ext}`));
const codeCache = (file) => `${file}.v8cache`;

/** Newest modification time of any file under `dir`, in ms. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

/** Writes aside and renames, so a run starting meanwhile never reads half a file. */
function writeWhole(file, contents) {
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, contents);
  renameSync(aside, file);
}

const changed = Math.max(
  newest(path.join(root, "server")),
  statSync(path.join(root, "package-lock.json")).mtimeMs,
);
if (outputs.some((out) => !existsSync(out) || statSync(out).mtimeMs < changed)) {
  const { build } = await import("esbuild");
  const built = await build({
    entryPoints: Object.entries(spec.entries).map(([out, entry]) => ({
      in: path.join(root, entry),
      out,
    })),
    outdir: outDir,
    write: false,
    bundle: true,
    platform: "node",
    target: "node20",
    logLevel: "error",
    ...(spec.cli
      ? {
          format: "cjs",
          outExtension: { ".js": ".cjs" },
          define: { "import.meta.url": "__importMetaUrl" },
          banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
        }
      : { format: "esm", packages: "external", sourcemap: "inline" }),
  });
  mkdirSync(outDir, { recursive: true });
  for (const file of built.outputFiles) {
    writeWhole(file.path, file.contents);
    rmSync(codeCache(file.path), { force: true });
  }
}

const main = outputs[0];
process.argv = [process.argv[0], main, ...args];
if (spec.cli) runWithCodeCache(main);
else await import(pathToFileURL(main).href);

/**
 * Runs a CommonJS bundle as `require` would, with V8's code cache: the first run saves the
 * bytecode of every function it compiled, and later runs skip compiling them. The cache is
 * keyed by the bundle's hash (V8 itself only checks the source's length).
 */
function runWithCodeCache(file) {
  const source = readFileSync(file, "utf8");
  const hash = createHash("sha256").update(source).digest();
  const cacheFile = codeCache(file);
  const saved = existsSync(cacheFile) ? readFileSync(cacheFile) : null;
  const cachedData = saved?.subarray(0, hash.length).equals(hash)
    ? saved.subarray(hash.length)
    : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    process.once("exit", () => {
      try {
        writeWhole(cacheFile, Buffer.concat([hash, script.createCachedData()]));
      } catch {
        // A read-only checkout runs without a cache.
      }
    });
  }
  const module = { exports: {}, filename: file, id: file, loaded: false };
  const require = createRequire(file);
  script
    .runInThisContext()
    .call(module.exports, module.exports, require, module, file, path.dirname(file));
}
