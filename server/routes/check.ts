import type { MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { loadBriefState } from "../briefs/load-doc.ts";
import type { RoomManager } from "../collab/rooms.ts";
import { notFound } from "../errors.ts";
import { loadArticles } from "../export/brief-bundle.ts";
import { BriefId } from "../schema/brief.ts";
import type { CheckResult } from "../schema/check.ts";
import { PLAIN_TEMPLATE } from "../schema/template.ts";
import type { Store } from "../store/store.ts";
import type { TemplateRegistry } from "../templates/registry.ts";
import { workerPool } from "../workers/pool.ts";
import { validate } from "./validation.ts";

export interface CheckDeps {
  store: Store;
  rooms: RoomManager;
  requireViewer: MiddlewareHandler;
  /** The brief's template: the check skips its guidance paragraphs. */
  registry: Pick<TemplateRegistry, "get">;
}

const BriefParam = z.object({ id: BriefId });

/** How long one check of an unchanged document answers everyone who asks. */
const REUSE_MS = 5_000;

/** `GET /api/briefs/:id/check`: quotation problems and source coverage of the live brief. */
export function checkRoutes(deps: CheckDeps) {
  // Every editor of a brief asks after each pause in anyone's typing: one check per document
  // state (a live room hands out the same encoded state until it changes) answers them all.
  const recent = new WeakMap<
    Uint8Array,
    { at: number; templateId: string; result: Promise<CheckResult> }
  >();
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
      const hit = recent.get(state);
      if (hit && hit.templateId === template.id && Date.now() - hit.at < REUSE_MS) {
        return c.json(await hit.result);
      }
      // Off the event loop, in the worker pool.
      const result = workerPool().checkBrief({ state, template }, (ids) =>
        loadArticles(deps.store.articles, ids),
      );
      recent.set(state, { at: Date.now(), templateId: template.id, result });
      result.catch(() => recent.delete(state));
      return c.json(await result);
    },
  );
}
