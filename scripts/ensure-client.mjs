// `npm start` runs this first: builds the client when dist/ is missing or older than client/.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const p = path.join(dir, e.name);
    return Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

const built = "dist/index.html";
const sources = ["client", "server/schema"];
if (!existsSync(built) || sources.some((d) => newest(d) > statSync(built).mtimeMs)) {
  console.error("Building the client (vite build)…");
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], {
    stdio: "inherit",
  });
}
