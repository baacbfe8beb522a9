import { readFile } from "node:fs/promises";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";

/**
 * Serves the built client from `dir`, with `index.html` for any other page path so the
 * client's router can take over (`/`, `/briefs/:id`).
 */
export function mountClient(app: Hono, dir: string): void {
  const root = path.relative(process.cwd(), dir) || ".";
  app.use("/assets/*", serveStatic({ root }));
  app.get("*", serveStatic({ root }));
  app.get("*", async (c) => {
    if (/^\/(api|collab)(\/|$)/.test(c.req.path)) {
      return c.json({ error: { id: "not_found", message: `No route for ${c.req.path}.` } }, 404);
    }
    try {
      return c.html(await readFile(path.join(dir, "index.html"), "utf8"));
    } catch {
      return c.text("The client is not built yet: run `npm run build`.", 503);
    }
  });
}
