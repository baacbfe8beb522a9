// `npm install` runs this (postinstall): builds native/mmap, the addon that maps the SQLite
// journal into memory (server/store/sqlite/journal.ts), with the node-gyp that npm ships. It is
// built here rather than by npm as a dependency, whose install scripts npm may skip. Optional:
// where it cannot be built (no C compiler, say), install goes on and the server writes its
// journal with a system call per turn instead, and says so when it starts.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../native/mmap/", import.meta.url));
const built = path.join(dir, "build/Release/mmap.node");
const sources = ["mmap.c", "binding.gyp"].map((f) => path.join(dir, f));

const upToDate =
  existsSync(built) && sources.every((f) => statSync(f).mtimeMs <= statSync(built).mtimeMs);
if (!upToDate) {
  // npm names its node-gyp to the scripts it runs; run by hand, look beside npm itself.
  const nodeGyp =
    process.env.npm_config_node_gyp ??
    path.join(
      path.dirname(process.execPath),
      "../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js",
    );
  // node-gyp downloads Node's headers unless told where they are: use those installed with
  // Node, if any, unless npm is set to use others (which it passes on as npm_config_nodedir).
  const headers = path.join(path.dirname(process.execPath), "../include/node");
  const nodedir =
    !process.env.npm_config_nodedir && existsSync(path.join(headers, "node.h"))
      ? [`--nodedir=${path.dirname(path.dirname(headers))}`]
      : [];
  const run = spawnSync(process.execPath, [nodeGyp, "rebuild", ...nodedir], {
    cwd: dir,
    stdio: "inherit",
  });
  if (run.status !== 0) {
    process.stderr.write(
      "\nnative/mmap could not be built (node-gyp says why above; it needs a C compiler, make, " +
        "Python and Node's headers). Briefroom works without it: the server writes its journal " +
        "with a system call per turn instead of mapping it.\n",
    );
  }
}
