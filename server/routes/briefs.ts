import { Hono } from "hono";
import type * as Y from "yjs";
import { resolvedRole } from "../auth/brief-access.ts";
import type { InstalledAuth } from "../auth/install.ts";
import { currentUser } from "../auth/middleware.ts";
import { loadBriefDoc } from "../briefs/load-doc.ts";
import { bodyToJSON } from "../collab/body-json.ts";
import { docSnapshot } from "../collab/doc-snapshot.ts";
import { readMeta, writeMeta } from "../collab/meta.ts";
import type { RoomManager } from "../collab/rooms.ts";
import { notFound } from "../errors.ts";
import {
  type Brief,
  type BriefWithDoc,
  type CreateBrief,
  CreateBriefSchema,
  PatchBriefSchema,
} from "../schema/brief.ts";
import { CloseCode } from "../schema/protocol.ts";
import type { Store } from "../store/store.ts";
import { validate } from "./validation.ts";

export interface BriefsDeps {
  store: Store;
  rooms: RoomManager;
  /** Builds a new brief's initial document (from its template, optionally drafted). */
  initialDoc: (input: CreateBrief) => Promise<Y.Doc>;
  newId: () => string;
  auth: Pick<InstalledAuth, "requireBriefRole" | "visibleBriefs">;
}

/** Briefs: create, list, read (with the body as ProseMirror JSON), rename, delete. */
export function briefsRoutes(deps: BriefsDeps) {
  const { store, rooms } = deps;
  const { requireBriefRole, visibleBriefs } = deps.auth;

  async function withDoc(brief: Brief): Promise<BriefWithDoc> {
    const doc = await loadBriefDoc(deps, brief.id);
    if (!doc) throw notFound("brief", brief.id);
    const result = { ...brief, ...readMeta(doc), doc: bodyToJSON(doc) };
    doc.destroy();
    return result;
  }

  async function mustGet(id: string): Promise<Brief> {
    const brief = await store.briefs.get(id);
    if (!brief) throw notFound("brief", id);
    return brief;
  }

  return (
    new Hono()
      .get("/", async (c) => {
        const briefs = await visibleBriefs(c);
        return c.json({
          briefs: briefs.map((b) => ({ ...b, present: rooms.presence(b.id) })),
        });
      })
      .post("/", validate("json", CreateBriefSchema), async (c) => {
        const input = c.req.valid("json");
        const ydoc = await deps.initialDoc(input);
        const meta = readMeta(ydoc);
        const brief = await store.briefs.create({
          id: deps.newId(),
          title: meta.title,
          templateId: meta.templateId,
          fields: meta.fields,
          ownerId: currentUser(c).id,
          ...docSnapshot(ydoc),
        });
        const body = await withDoc(brief);
        ydoc.destroy();
        return c.json(body, 201);
      })
      // `role`: what the caller may do here (owner, editor, commenter or viewer).
      .get("/:id", requireBriefRole("viewer"), async (c) =>
        c.json({ ...(await withDoc(await mustGet(c.req.param("id")))), role: resolvedRole(c) }),
      )
      .patch("/:id", requireBriefRole("editor"), validate("json", PatchBriefSchema), async (c) => {
        const id = c.req.param("id");
        await mustGet(id);
        const patch = c.req.valid("json");
        await rooms.withRoom(id, (room) => writeMeta(room.doc, patch));
        return c.json(await withDoc(await mustGet(id)));
      })
      .delete("/:id", requireBriefRole("owner"), async (c) => {
        const id = c.req.param("id");
        await mustGet(id);
        await rooms.evict(id, CloseCode.NotFound, "brief deleted");
        await store.briefs.delete(id);
        return c.body(null, 204);
      })
  );
}
