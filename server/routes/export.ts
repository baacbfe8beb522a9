import type { MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { loadBriefDoc } from "../briefs/load-doc.ts";
import type { RoomManager } from "../collab/rooms.ts";
import { notFound } from "../errors.ts";
import { briefBundle } from "../export/brief-bundle.ts";
import { exportDocxInWorker } from "../export/export-pool.ts";
import { TemplateSchema } from "../schema/template.ts";
import type { Store } from "../store/store.ts";
import type { TemplateRegistry } from "../templates/registry.ts";

export interface ExportDeps {
  store: Store;
  rooms: RoomManager;
  registry: TemplateRegistry;
  requireViewer: MiddlewareHandler;
}

/** The style a brief with no (or a since-deleted) template exports with. */
const PLAIN = TemplateSchema.parse({ id: "plain", name: "Plain" });

/** `GET /api/briefs/:id/export.docx`: the brief, live or stored, rendered off the event loop. */
export function exportRoutes(deps: ExportDeps) {
  return new Hono().get("/:id/export.docx", deps.requireViewer, async (c) => {
    const id = c.req.param("id");
    const brief = await deps.store.briefs.get(id);
    const doc = brief ? await loadBriefDoc(deps, id) : null;
    if (!brief || !doc) throw notFound("brief", id);
    const bundle = await briefBundle(doc, deps.store.articles);
    doc.destroy();
    const templateId = brief.templateId;
    const template = (templateId ? await deps.registry.get(templateId) : null) ?? PLAIN;
    const reference = templateId ? await deps.registry.referenceDocx(templateId) : null;
    const bytes = await exportDocxInWorker(bundle, template, reference ?? undefined);
    const name =
      (bundle.title || "brief")
        .replace(/[^\w\- ]+/g, "")
        .trim()
        .slice(0, 80) || "brief";
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="${name}.docx"`,
    });
  });
}
