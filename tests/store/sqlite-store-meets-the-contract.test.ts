import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import * as Y from "yjs";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import type { Store } from "../../server/store/store.ts";
import { createEmptyBrief } from "../utils/rooms.ts";
import { authStoreContract } from "./auth-store-contract.ts";
import { storeContract } from "./store-contract.ts";

const dirs = new Map<object, string>();
const open = async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "briefroom-store-"));
  const store = openSqliteStore(dir);
  dirs.set(store, dir);
  return store;
};
const cleanup = async (store: Awaited<ReturnType<typeof open>>) => {
  await store.close();
  rmSync(dirs.get(store)!, { recursive: true, force: true });
};
storeContract("SQLite", open, cleanup);
authStoreContract("SQLite", open, cleanup);

/** A brief with an empty document, and an editor whose edits are updates to append. */
async function briefWithEditor(store: Store, id: string) {
  await createEmptyBrief(store, id);
  const y = new Y.Doc();
  return {
    edit(text: string) {
      const before = Y.encodeStateVector(y);
      y.getText("t").insert(y.getText("t").length, text);
      return Y.encodeStateAsUpdate(y, before);
    },
    async stored() {
      const loaded = (await store.docs.load(id))!;
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, Y.mergeUpdates([loaded.snapshot!, ...loaded.updates]));
      return fresh.getText("t").toString();
    },
  };
}

it("SQLite: one brief's failure in a turn fails only its entry, and the others are written", async () => {
  const store = await open();
  try {
    const a = await briefWithEditor(store, "a");
    const gone = await briefWithEditor(store, "gone");
    const b = await briefWithEditor(store, "b");
    expect(store.docs.appendNow!([{ briefId: "a", updates: [a.edit("1")] }])).toEqual([1]);
    await store.briefs.delete("gone");
    const results = store.docs.appendNow!([
      { briefId: "a", updates: [a.edit("2"), a.edit("3")] },
      { briefId: "gone", updates: [gone.edit("x")] },
      { briefId: "b", updates: [b.edit("1")] },
    ]);
    expect(results[0]).toBe(3);
    expect(results[1]).toBeInstanceOf(Error);
    expect(results[2]).toBe(1);
    expect(await a.stored()).toBe("123");
    expect(await b.stored()).toBe("1");
    // The sequence goes on from what was written.
    expect(store.docs.appendNow!([{ briefId: "a", updates: [a.edit("4")] }])).toEqual([4]);
    expect(await a.stored()).toBe("1234");
  } finally {
    await cleanup(store);
  }
});
