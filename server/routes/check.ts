import type { MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { loadBriefState } from "../briefs/load-doc.ts";
import type { RoomManager } from "../collab/rooms.ts";
import { notFound } from "../errors.ts";
import { loadArticles } from "../export/brief-bundle.ts";
import { exportPool } from "../export/export-pool.ts";
import { BriefId } from "../schema/brief.ts";
import { PLAIN_TEMPLATE } from "../schema/template.ts";
import type { Store } from "../store/store.ts";
import type { TemplateRegistry } from "../templates/registry.ts";
import { validate } from "./validation.ts";

export interface CheckDeps {
  store: Store;
  rooms: RoomManager;
  requireViewer: MiddlewareHandler;
  /** The brief's template: the check skips its guidance paragraphs. */
  registry: Pick<TemplateRegistry, "get">;
}

const BriefParam = z.object({ id: BriefId });

/** `GET /api/briefs/:id/check`: quotation problems and source coverage of the live brief. */
export function checkRoutes(deps: CheckDeps) {
  return new Hono().get(
    "/:id/check",
    deps.requireViewer,
    validate("param", BriefParam),
    async (c) => {
      const { id } = c.req.valid("param");
      const brief = await deps.store.briefs.get(id);
      const state = brief ? await loadBriefState(deps, id) : null;
      if (!brief || !state) throw notFound("brief", id);
      const template =
        (brief.templateId && (await deps.registry.get(brief.templateId))) || PLAIN_TEMPLATE;
      // Editors ask for this every few seconds while typing: it runs in a worker thread.
      const result = await exportPool().checkBrief({ state, template }, (ids) =>
        loadArticles(deps.store.articles, ids),
      );
      return c.json(result);
    },
  );
}
