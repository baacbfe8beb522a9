import { zValidator } from "@hono/zod-validator";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type * as Y from "yjs";
import { AppError, badRequest, notFound, tooLarge, unsupportedMedia } from "../errors.ts";
import {
  CreateTemplateSchema,
  TemplateBodySchema,
  TemplateFromBriefSchema,
} from "../schema/template.ts";
import type { Store } from "../store/store.ts";
import { DOCX_MEDIA_TYPE, MAX_REFERENCE_DOCX_BYTES } from "../templates/docx-check.ts";
import type { TemplateRegistry } from "../templates/registry.ts";
import { saveBriefAsTemplate } from "../templates/save-brief.ts";
import { invalidTemplate, issuesFromZod } from "../templates/validate.ts";

export interface TemplatesRoutesDeps {
  registry: TemplateRegistry;
  store: Store;
  /** The live or stored Y.Doc of a brief, or null when there is no such brief. */
  loadBriefDoc: (briefId: string) => Promise<Y.Doc | null>;
  /**
   * Throws unless the caller may read the brief (404 when it is not theirs to see): a template
   * made from a brief carries its title and headings.
   */
  requireBriefReader: (c: Context, briefId: string) => Promise<void>;
}

/** Room for multipart boundaries and part headers around an upload at the size limit. */
const MULTIPART_SLACK = 64 * 1024;
const TOO_LARGE = `file: a reference .docx may be at most ${MAX_REFERENCE_DOCX_BYTES / 1024 / 1024} MB`;

/** Rejects a body with a 400 naming the failing field, in the `{error}` shape of every route. */
function failWithField(result: { success: boolean; data: unknown }) {
  if (result.success) return;
  const schema =
    typeof result.data === "object" && result.data !== null && "fromBriefId" in result.data
      ? TemplateFromBriefSchema
      : TemplateBodySchema;
  const parsed = schema.safeParse(result.data);
  throw invalidTemplate(
    parsed.success
      ? [{ field: "(body)", message: "is not a template" }]
      : issuesFromZod(parsed.error, result.data),
  );
}

/** `/api/templates`: list, read, create (from JSON or from a brief), replace, delete, reference .docx. */
export function templatesRoutes({
  registry,
  loadBriefDoc,
  requireBriefReader,
}: TemplatesRoutesDeps) {
  return new Hono()
    .get("/", async (c) => c.json(await registry.list()))
    .get("/:id", async (c) => {
      const template = await registry.get(c.req.param("id"));
      if (!template) throw notFound("template", c.req.param("id"));
      return c.json(template);
    })
    .post("/", zValidator("json", CreateTemplateSchema, failWithField), async (c) => {
      const body = c.req.valid("json");
      if (!("fromBriefId" in body)) return c.json(await registry.create(body), 201);
      await requireBriefReader(c, body.fromBriefId);
      const doc = await loadBriefDoc(body.fromBriefId);
      if (!doc) throw notFound("brief", body.fromBriefId);
      return c.json(await saveBriefAsTemplate(registry, doc, body.name), 201);
    })
    .put("/:id", zValidator("json", TemplateBodySchema, failWithField), async (c) =>
      c.json(await registry.update(c.req.param("id"), c.req.valid("json"))),
    )
    .delete("/:id", async (c) => {
      await registry.delete(c.req.param("id"));
      return c.body(null, 204);
    })
    .get("/:id/reference-docx", async (c) => {
      const docx = await registry.referenceDocx(c.req.param("id"));
      if (!docx) {
        throw new AppError(
          404,
          "reference_docx_not_found",
          `Template "${c.req.param("id")}" has no reference .docx.`,
        );
      }
      return c.body(docx.slice().buffer, 200, { "content-type": DOCX_MEDIA_TYPE });
    })
    .post(
      "/:id/reference-docx",
      bodyLimit({
        maxSize: MAX_REFERENCE_DOCX_BYTES + MULTIPART_SLACK,
        onError: () => {
          throw tooLarge(TOO_LARGE);
        },
      }),
      async (c) =>
        c.json(await registry.setReferenceDocx(c.req.param("id"), await uploadedDocx(c.req.raw))),
    );
}

/** The uploaded bytes: the `file` part of a multipart form, or a raw .docx body. */
async function uploadedDocx(req: Request): Promise<Uint8Array> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "multipart/form-data") {
    const file = (await req.formData()).get("file");
    if (!(file instanceof File))
      throw badRequest("invalid_docx", 'file: attach the .docx as the form field "file"');
    if (file.size > MAX_REFERENCE_DOCX_BYTES) throw tooLarge(TOO_LARGE);
    return new Uint8Array(await file.arrayBuffer());
  }
  if (type === DOCX_MEDIA_TYPE || type === "application/octet-stream") {
    return new Uint8Array(await req.arrayBuffer());
  }
  throw unsupportedMedia(
    `send the .docx as multipart/form-data (field "file") or as ${DOCX_MEDIA_TYPE}`,
  );
}
