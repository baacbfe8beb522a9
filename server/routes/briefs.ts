import { Hono } from "hono";
import * as Y from "yjs";
import { bodyToJSON } from "../collab/body-json.ts";
import { readMeta, writeMeta } from "../collab/meta.ts";
import type { RoomManager } from "../collab/rooms.ts";
import { notFound } from "../errors.ts";
import { type Brief, type BriefWithDoc, CreateBriefSchema, type CreateBrief, PatchBriefSchema } from "../schema/brief.ts";
import { CloseCode } from "../schema/protocol.ts";
import type { Store } from "../store/store.ts";
import { validate } from "./validation.ts";

export interface BriefsDeps {
  store: Store;
  rooms: RoomManager;
  /** Builds a new brief's initial document (from its template, optionally drafted). */
  initialDoc: (input: CreateBrief) => Promise<Y.Doc>;
  newId: () => string;
}

/** Briefs: create, list, read (with the body as ProseMirror JSON), rename, delete. */
export function briefsRoutes(deps: BriefsDeps) {
  const { store, rooms } = deps;

  async function withDoc(brief: Brief): Promise<BriefWithDoc> {
    const live = rooms.loaded(brief.id);
    if (live) return { ...brief, ...readMeta(live.doc), doc: bodyToJSON(live.doc) };
    const stored = await store.docs.load(brief.id);
    const doc = new Y.Doc();
    if (stored) {
      const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
      if (parts.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(parts));
    }
    const result = { ...brief, ...readMeta(doc), doc: bodyToJSON(doc) };
    doc.destroy();
    return result;
  }

  async function mustGet(id: string): Promise<Brief> {
    const brief = await store.briefs.get(id);
    if (!brief) throw notFound("brief", id);
    return brief;
  }

  return new Hono()
    .get("/", async (c) => {
      const briefs = await store.briefs.list();
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
        ownerId: null,
        state: Y.encodeStateAsUpdate(ydoc),
        doc: bodyToJSON(ydoc),
      });
      const body = await withDoc(brief);
      ydoc.destroy();
      return c.json(body, 201);
    })
    .get("/:id", async (c) => c.json(await withDoc(await mustGet(c.req.param("id")))))
    .patch("/:id", validate("json", PatchBriefSchema), async (c) => {
      const id = c.req.param("id");
      await mustGet(id);
      const patch = c.req.valid("json");
      await rooms.withRoom(id, (room) => writeMeta(room.doc, patch));
      return c.json(await withDoc(await mustGet(id)));
    })
    .delete("/:id", async (c) => {
      const id = c.req.param("id");
      await mustGet(id);
      await rooms.evict(id, CloseCode.NotFound, "brief deleted");
      await store.briefs.delete(id);
      return c.body(null, 204);
    });
}
