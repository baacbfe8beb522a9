import type { MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { loadBriefState } from "../briefs/load-doc.ts";
import { refuseLowCoverage, refuseSourceProblems } from "../check/export-gate.ts";
import type { RoomManager } from "../collab/rooms.ts";
import { notFound } from "../errors.ts";
import { loadArticles } from "../export/brief-bundle.ts";
import { BriefId } from "../schema/brief.ts";
import { PLAIN_TEMPLATE } from "../schema/template.ts";
import type { Store } from "../store/store.ts";
import type { TemplateRegistry } from "../templates/registry.ts";
import { workerPool } from "../workers/pool.ts";
import { validate } from "./validation.ts";

export interface ExportDeps {
  store: Store;
  rooms: RoomManager;
  registry: TemplateRegistry;
  requireViewer: MiddlewareHandler;
}

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/**
 * `proceed`: export despite source problems (they are then marked in the document) or
 * coverage under the template's minimum. `annex`: add the evidence annex after the sources.
 */
const ExportQuery = z.object({ proceed: flag.default(false), annex: flag.default(false) });

/**
 * `GET /api/briefs/:id/export.docx`: the brief, live or stored, checked against its sources
 * and rendered off the event loop. 409 when it must ask first and `proceed` is not set.
 */
export function exportRoutes(deps: ExportDeps) {
  return new Hono().get(
    "/:id/export.docx",
    deps.requireViewer,
    validate("param", z.object({ id: BriefId })),
    validate("query", ExportQuery),
    async (c) => {
      const { id } = c.req.valid("param");
      const { proceed, annex } = c.req.valid("query");
      const brief = await deps.store.briefs.get(id);
      const state = brief ? await loadBriefState(deps, id) : null;
      if (!brief || !state) throw notFound("brief", id);
      const templateId = brief.templateId;
      const template = (templateId ? await deps.registry.get(templateId) : null) ?? PLAIN_TEMPLATE;
      const reference = templateId ? await deps.registry.referenceDocx(templateId) : null;

      // Checked and rendered in a worker thread; only the encoding happens on this loop.
      const outcome = await workerPool().exportBrief(
        { state, template, proceed, annex, ...(reference ? { referenceDocx: reference } : {}) },
        (ids) => loadArticles(deps.store.articles, ids),
      );
      if (outcome.kind === "refused") {
        refuseSourceProblems(outcome.check, false);
        refuseLowCoverage(outcome.check, template.minCoverage, false);
        throw new Error("export refused without a reason"); // mustAsk and the gates agree
      }
      const name =
        (outcome.title || "brief")
          .replace(/[^\w\- ]+/g, "")
          .trim()
          .slice(0, 80) || "brief";
      return c.body(outcome.bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "content-disposition": `attachment; filename="${name}.docx"`,
      });
    },
  );
}
