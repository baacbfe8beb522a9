import type { MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { loadBriefDoc } from "../briefs/load-doc.ts";
import { checkBriefBody } from "../check/check-body.ts";
import { bodyToJSON } from "../collab/body-json.ts";
import type { RoomManager } from "../collab/rooms.ts";
import { notFound } from "../errors.ts";
import { BriefId } from "../schema/brief.ts";
import type { Store } from "../store/store.ts";
import type { TemplateRegistry } from "../templates/registry.ts";
import { validate } from "./validation.ts";

export interface CheckDeps {
  store: Store;
  rooms: RoomManager;
  requireViewer: MiddlewareHandler;
  /** Lets the check skip the template's guidance paragraphs; without it they are checked. */
  registry?: Pick<TemplateRegistry, "get">;
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
      const doc = brief ? await loadBriefDoc(deps, id) : null;
      if (!brief || !doc) throw notFound("brief", id);
      const body = bodyToJSON(doc);
      doc.destroy();
      const template =
        brief.templateId && deps.registry ? await deps.registry.get(brief.templateId) : null;
      return c.json(await checkBriefBody(body, { articles: deps.store.articles, template }));
    },
  );
}
