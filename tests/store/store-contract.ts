import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Article } from "../../server/schema/article.ts";
import { TemplateSchema } from "../../server/schema/template.ts";
import type { DocSnapshot, NewBrief, Store } from "../../server/store/store.ts";

const doc = { type: "doc", content: [{ type: "paragraph" }] };

function newBrief(id: string): NewBrief {
  const y = new Y.Doc();
  y.getMap("meta").set("title", id);
  return {
    id,
    title: id,
    templateId: null,
    fields: { a: "1" },
    ownerId: null,
    state: Y.encodeStateAsUpdate(y),
    stateVector: Y.encodeStateVector(y),
    doc,
  };
}

/** `y` as a snapshot to compact into, with an empty derived body unless `body` says. */
function snapshotOf(
  y: Y.Doc,
  body: DocSnapshot["doc"] = { type: "doc", content: [] },
): DocSnapshot {
  return { state: Y.encodeStateAsUpdate(y), stateVector: Y.encodeStateVector(y), doc: body };
}

function update(text: string, base?: Y.Doc): Uint8Array {
  const y = base ?? new Y.Doc();
  const before = Y.encodeStateVector(y);
  y.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(y, before);
}

/** The behaviour every Store implementation must show; run against each backend. */
export function storeContract(
  name: string,
  open: () => Promise<Store>,
  cleanup: (s: Store) => Promise<void>,
) {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await cleanup(store);
    });

    it("creates, lists, updates and deletes briefs", async () => {
      await store.briefs.create(newBrief("b1"));
      await store.briefs.create(newBrief("b2"));
      expect((await store.briefs.list()).map((b) => b.id).sort()).toEqual(["b1", "b2"]);
      await store.briefs.updateMeta("b1", {
        title: "Renamed",
        templateId: "t",
        fields: { x: "y" },
      });
      expect(await store.briefs.get("b1")).toMatchObject({
        title: "Renamed",
        templateId: "t",
        fields: { x: "y" },
      });
      expect(await store.briefs.delete("b1")).toBe(true);
      expect(await store.briefs.delete("b1")).toBe(false);
      expect(await store.briefs.get("b1")).toBeNull();
      expect(await store.docs.load("b1")).toBeNull();
    });

    it("appends updates in order and loads them after the snapshot", async () => {
      await store.briefs.create(newBrief("b"));
      const y = new Y.Doc();
      const u1 = update("world", y);
      const u2 = update("hello ", y);
      expect(await store.docs.append("b", [u1])).toBe(1);
      expect(await store.docs.append("b", [u2, u1])).toBe(3);
      const loaded = await store.docs.load("b");
      expect(loaded?.updates.map((u) => Buffer.from(u).toString("hex"))).toEqual(
        [u1, u2, u1].map((u) => Buffer.from(u).toString("hex")),
      );
      expect(loaded?.lastSeq).toBe(3);
      expect(await store.docs.pending("b")).toBe(3);
    });

    it("an edit after a quiet spell is the brief's last-edited time at once", async () => {
      await store.briefs.create(newBrief("b"));
      const created = (await store.briefs.get("b"))!.updatedAt;
      await new Promise((r) => setTimeout(r, 5));
      await store.docs.append("b", [update("x")]);
      expect((await store.briefs.get("b"))!.updatedAt > created).toBe(true);
    });

    it("compaction replaces the log it covers and keeps later updates", async () => {
      await store.briefs.create(newBrief("b"));
      const y = new Y.Doc();
      await store.docs.append("b", [update("a", y), update("b", y)]);
      const upTo2 = snapshotOf(y);
      const later = update("c", y);
      await store.docs.append("b", [later]);
      await store.docs.compact("b", upTo2, 2);
      const loaded = await store.docs.load("b");
      expect(loaded?.updates).toHaveLength(1);
      expect(loaded?.lastSeq).toBe(3);
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, Y.mergeUpdates([loaded!.snapshot!, ...loaded!.updates]));
      expect(fresh.getText("t").toString()).toBe(y.getText("t").toString());
      expect(await store.docs.derived("b")).toEqual({ type: "doc", content: [] });
      expect(await store.docs.append("b", [update("d", y)])).toBe(4);
    });

    it("the log's sequence goes on after a compaction that covered all of it", async () => {
      await store.briefs.create(newBrief("b"));
      const y = new Y.Doc();
      expect(await store.docs.append("b", [update("a", y), update("b", y)])).toBe(2);
      await store.docs.compact("b", snapshotOf(y), 2);
      expect(await store.docs.append("b", [update("c", y)])).toBe(3);
      const loaded = (await store.docs.load("b"))!;
      expect(loaded.lastSeq).toBe(3);
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, Y.mergeUpdates([loaded.snapshot!, ...loaded.updates]));
      expect(fresh.getText("t").toString()).toBe("cba");
    });

    it("an older compaction never replaces a newer snapshot (two instances compacting at once)", async () => {
      await store.briefs.create(newBrief("b"));
      const y = new Y.Doc();
      const updates = [update("a", y), update("b", y), update("c", y)];
      await store.docs.append("b", updates);
      const upTo2 = new Y.Doc();
      for (const u of updates.slice(0, 2)) Y.applyUpdate(upTo2, u);
      // One instance compacts everything; another, which loaded the log a moment earlier,
      // compacts what it saw after it.
      await store.docs.compact("b", snapshotOf(y), 3);
      await store.docs.compact("b", snapshotOf(upTo2, { type: "doc" }), 2);
      const loaded = (await store.docs.load("b"))!;
      expect(loaded.lastSeq).toBe(3);
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, Y.mergeUpdates([loaded.snapshot!, ...loaded.updates]));
      expect(fresh.getText("t").toString()).toBe(y.getText("t").toString());
      expect(await store.docs.derived("b")).toEqual({ type: "doc", content: [] });
      expect(loaded.snapshotStateVector).toEqual(Y.encodeStateVector(y));
    });

    it("a snapshot's state vector is stored with it, from creation and from each compaction", async () => {
      const created = newBrief("b");
      await store.briefs.create(created);
      expect((await store.docs.load("b"))!.snapshotStateVector).toEqual(created.stateVector);
      const y = new Y.Doc();
      Y.applyUpdate(y, created.state);
      await store.docs.append("b", [update("a", y), update("b", y)]);
      await store.docs.compact("b", snapshotOf(y), 2);
      const loaded = (await store.docs.load("b"))!;
      expect(loaded.updates).toHaveLength(0);
      expect(loaded.snapshotStateVector).toEqual(Y.encodeStateVector(y));
      expect(loaded.snapshotStateVector).toEqual(Y.encodeStateVectorFromUpdate(loaded.snapshot!));
    });

    it("keeps articles whole and lists them without their bodies", async () => {
      const article: Article = {
        id: "a1",
        title: "Title",
        source: { publisher: "Pub" },
        paragraphs: ["One."],
        boilerplate: [],
        snippets: [
          {
            id: "a1:0",
            articleId: "a1",
            kind: "fact",
            text: "One.",
            paragraph: 0,
            start: 0,
            end: 4,
          },
        ],
        entities: { people: [], orgs: [], places: [] },
      };
      await store.articles.create(article);
      expect(await store.articles.get("a1")).toEqual(article);
      expect(await store.articles.list()).toMatchObject([
        { id: "a1", title: "Title", source: { publisher: "Pub" }, snippetCount: 1 },
      ]);
      expect(await store.articles.count()).toBe(1);
      expect(await store.articles.delete("a1")).toBe(true);
      expect(await store.articles.get("a1")).toBeNull();
    });

    it("stores user templates with their reference documents", async () => {
      const t = TemplateSchema.parse({ id: "mine", name: "Mine" });
      await store.templates.upsert(t);
      expect(await store.templates.get("mine")).toEqual(t);
      await store.templates.setReferenceDocx("mine", new Uint8Array([1, 2, 3]));
      await store.templates.upsert({ ...t, name: "Renamed" });
      expect([...((await store.templates.referenceDocx("mine")) ?? [])]).toEqual([1, 2, 3]);
      expect((await store.templates.list()).map((x) => x.name)).toEqual(["Renamed"]);
      expect(await store.templates.delete("mine")).toBe(true);
      expect(await store.templates.get("mine")).toBeNull();
    });
  });
}
