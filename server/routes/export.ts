import type { MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { loadBriefDoc } from "../briefs/load-doc.ts";
import { checkBriefBody } from "../check/check-body.ts";
import { withEvidenceAnnex } from "../check/evidence-annex.ts";
import { refuseLowCoverage, refuseSourceProblems } from "../check/export-gate.ts";
import { markProblems } from "../check/mark-problems.ts";
import type { RoomManager } from "../collab/rooms.ts";
import { notFound } from "../errors.ts";
import { briefBundle } from "../export/brief-bundle.ts";
import { exportDocxInWorker } from "../export/export-pool.ts";
import { BriefId } from "../schema/brief.ts";
import { TemplateSchema } from "../schema/template.ts";
import type { Store } from "../store/store.ts";
import type { TemplateRegistry } from "../templates/registry.ts";
import { validate } from "./validation.ts";

export interface ExportDeps {
  store: Store;
  rooms: RoomManager;
  registry: TemplateRegistry;
  requireViewer: MiddlewareHandler;
}

/** The style a brief with no (or a since-deleted) template exports with. */
const PLAIN = TemplateSchema.parse({ id: "plain", name: "Plain" });

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/**
 * `proceed`: export despite source problems (they are then marked in the document) or
 * coverage under the template's minimum. `annex`: add the evidence annex after the sources.
 */
const ExportQuery = z.object({ proceed: flag.default(false), annex: flag.default(false) });

/**
 * `GET /api/briefs/:id/export.docx`: the brief, live or stored, checked against its sources
 * and rendered off the event loop.
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
      const doc = brief ? await loadBriefDoc(deps, id) : null;
      if (!brief || !doc) throw notFound("brief", id);
      const { bundle, articles } = await briefBundle(doc, deps.store.articles);
      doc.destroy();
      const templateId = brief.templateId;
      const template = (templateId ? await deps.registry.get(templateId) : null) ?? PLAIN;

      const check = await checkBriefBody(bundle.doc, { articles, template });
      refuseSourceProblems(check, proceed);
      refuseLowCoverage(check, template.minCoverage, proceed);
      let body = check.problems.length ? markProblems(bundle.doc, check.problems) : bundle.doc;
      if (annex) body = withEvidenceAnnex(body, articles, bundle.sources);

      const reference = templateId ? await deps.registry.referenceDocx(templateId) : null;
      const bytes = await exportDocxInWorker(
        { ...bundle, doc: body },
        template,
        reference ?? undefined,
      );
      const name =
        (bundle.title || "brief")
          .replace(/[^\w\- ]+/g, "")
          .trim()
          .slice(0, 80) || "brief";
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "content-disposition": `attachment; filename="${name}.docx"`,
      });
    },
  );
}
