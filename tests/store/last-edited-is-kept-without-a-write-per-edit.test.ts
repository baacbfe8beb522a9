import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import { createEmptyBrief } from "../utils/rooms.ts";
import { removeDataDir } from "../utils/server.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDataDir(dir);
});
afterEach(() => {
  vi.useRealTimers();
});

async function storeWithBrief() {
  const dir = mkdtempSync(path.join(tmpdir(), "briefroom-edited-"));
  dirs.push(dir);
  const store = openSqliteStore(dir);
  await createEmptyBrief(store, "b", "B");
  const doc = new Y.Doc();
  const edit = () => {
    let update: Uint8Array | null = null;
    doc.once("update", (u: Uint8Array) => {
      update = u;
    });
    doc.getText("t").insert(0, "x");
    return store.docs.append("b", [update!]);
  };
  const lastEdited = async () => (await store.briefs.get("b"))!.updatedAt;
  return { dir, store, edit, lastEdited };
}

it("a brief's last-edited time is written at once after a quiet spell, then at most every 10 s, ending at the last edit", async () => {
  vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
  vi.setSystemTime(new Date("2026-01-01T10:00:00Z"));
  const { store, edit, lastEdited } = await storeWithBrief();

  vi.setSystemTime(new Date("2026-01-01T10:00:01Z"));
  await edit();
  expect(await lastEdited()).toBe("2026-01-01T10:00:01.000Z");
  vi.setSystemTime(new Date("2026-01-01T10:00:03Z"));
  await edit();
  vi.setSystemTime(new Date("2026-01-01T10:00:04Z"));
  await edit();
  expect(await lastEdited()).toBe("2026-01-01T10:00:01.000Z");

  vi.advanceTimersByTime(10_000);
  expect(await lastEdited()).toBe("2026-01-01T10:00:04.000Z");
  await store.close();
});

it("closing the store writes the last edit's time", async () => {
  vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
  vi.setSystemTime(new Date("2026-01-01T10:00:00Z"));
  const { dir, store, edit } = await storeWithBrief();
  await edit();
  vi.setSystemTime(new Date("2026-01-01T10:00:02Z"));
  await edit();
  await store.close();
  vi.useRealTimers();

  const reopened = openSqliteStore(dir);
  expect((await reopened.briefs.get("b"))!.updatedAt).toBe("2026-01-01T10:00:02.000Z");
  await reopened.close();
});
