import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import * as Y from "yjs";
import {
  encodeRecords,
  type LoggedUpdate,
  readRecords,
} from "../../server/store/sqlite/journal.ts";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import { createEmptyBrief } from "../utils/rooms.ts";
import { removeDataDir } from "../utils/server.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDataDir(dir);
});
function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "briefroom-journal-"));
  dirs.push(dir);
  return dir;
}
const journalOf = (dir: string) => path.join(dir, "briefroom.journal");

/** `n` updates typing "0", "1", … into text `t`, each its own update. */
function typed(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText("t").insert(doc.getText("t").length, String(i % 10));
  return updates;
}

/** The text a brief's stored state spells, loaded through a fresh store. */
async function storedText(dir: string, id: string): Promise<string> {
  const store = openSqliteStore(dir);
  try {
    const stored = (await store.docs.load(id))!;
    const doc = new Y.Doc();
    for (const u of [stored.snapshot, ...stored.updates]) if (u) Y.applyUpdate(doc, u);
    return doc.getText("t").toString();
  } finally {
    await store.close();
  }
}

function loggedSeqs(dir: string, id: string): number[] {
  const db = new Database(path.join(dir, "briefroom.db"), { readonly: true });
  try {
    return (
      db.prepare("SELECT seq FROM doc_updates WHERE brief_id = ? ORDER BY seq").all(id) as {
        seq: number;
      }[]
    ).map((r) => r.seq);
  } finally {
    db.close();
  }
}

it("records read back as written, and reading stops at a torn or corrupted record", () => {
  const updates: LoggedUpdate[] = [
    { briefId: "a", seq: 1, update: new Uint8Array([1, 2, 3]) },
    { briefId: "brief-é", seq: 2 ** 40, update: new Uint8Array(70_000).fill(9) },
    { briefId: "a", seq: 2, update: new Uint8Array(0) },
  ];
  const records = encodeRecords(updates);
  expect(readRecords(records)).toEqual({ updates, bytes: records.length });

  const firstTwo = encodeRecords(updates.slice(0, 2)).length;
  // Cut anywhere inside the last record: the two before it are whole.
  for (const cut of [records.length - 1, firstTwo + 5, firstTwo + 1]) {
    const torn = readRecords(records.subarray(0, cut));
    expect(torn.bytes).toBe(firstTwo);
    expect(torn.updates).toEqual(updates.slice(0, 2));
  }
  // A flipped byte in the second record's update fails its CRC: only the first is read.
  const flipped = Buffer.from(records);
  flipped[firstTwo - 10]! ^= 0xff;
  expect(readRecords(flipped).updates).toEqual(updates.slice(0, 1));
});

it("an edit is in the journal before the append returns, and in the log once moved", async () => {
  const dir = dataDir();
  const store = openSqliteStore(dir);
  await createEmptyBrief(store, "b", "B");
  const [u1, u2] = typed(2);
  expect(await store.docs.append("b", [u1!, u2!])).toBe(2);
  expect(readRecords(readFileSync(journalOf(dir))).updates.map((r) => r.seq)).toEqual([1, 2]);
  expect(loggedSeqs(dir, "b")).toEqual([]);
  // Reading the log moves the journal in first.
  expect((await store.docs.load("b"))!.updates).toEqual([u1, u2]);
  expect(loggedSeqs(dir, "b")).toEqual([1, 2]);
  expect(statSync(journalOf(dir)).size).toBe(0);
  await store.close();
});

it("edits journaled by a process that was killed are in the log when the store next opens", async () => {
  const dir = dataDir();
  const root = path.resolve(import.meta.dirname, "../..");
  const script = `
    import * as Y from "yjs";
    import { openSqliteStore } from ${JSON.stringify(path.join(root, "server/store/sqlite/open.ts"))};
    import { createEmptyBrief } from ${JSON.stringify(path.join(root, "tests/utils/rooms.ts"))};
    const store = openSqliteStore(${JSON.stringify(dir)});
    await createEmptyBrief(store, "b", "B");
    const doc = new Y.Doc();
    doc.on("update", (u) => store.docs.appendNow([{ briefId: "b", updates: [u] }]));
    for (let i = 0; i < 50; i++) doc.getText("t").insert(i, String(i % 10));
    process.kill(process.pid, "SIGKILL");
  `;
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    {
      cwd: root,
      timeout: 60_000,
    },
  );
  expect(run.signal).toBe("SIGKILL");
  // Killed well inside the move interval: everything is still in the journal alone.
  expect(loggedSeqs(dir, "b")).toEqual([]);
  expect(readRecords(readFileSync(journalOf(dir))).updates).toHaveLength(50);

  const expected = "01234567890123456789012345678901234567890123456789";
  expect(await storedText(dir, "b")).toBe(expected);
  expect(loggedSeqs(dir, "b")).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  expect(statSync(journalOf(dir)).size).toBe(0);
});

it("on opening, a torn last record is dropped, and updates already in the log, of deleted briefs or under the snapshot are not added again", async () => {
  const dir = dataDir();
  const store = openSqliteStore(dir);
  await createEmptyBrief(store, "b", "B");
  await createEmptyBrief(store, "gone", "Gone");
  await createEmptyBrief(store, "snap", "Snapshotted");
  const updates = typed(4);
  await store.docs.append("b", updates.slice(0, 2));
  await store.docs.load("b"); // moves seqs 1–2 into the log
  await store.docs.append("snap", [updates[0]!]);
  await store.docs.load("snap");
  await store.docs.compact(
    "snap",
    {
      state: updates[0]!,
      stateVector: Y.encodeStateVectorFromUpdate(updates[0]!),
      doc: { type: "doc", content: [] },
    },
    1,
  );
  await store.briefs.delete("gone");
  await store.close();

  // What a crash could leave: records already moved (the crash came between the move and
  // the journal's clearing), the rest, a snapshotted one, a deleted brief's, then a torn one.
  writeFileSync(
    journalOf(dir),
    encodeRecords([
      { briefId: "b", seq: 1, update: updates[0]! },
      { briefId: "b", seq: 2, update: updates[1]! },
      { briefId: "b", seq: 3, update: updates[2]! },
      { briefId: "snap", seq: 1, update: updates[0]! },
      { briefId: "gone", seq: 1, update: updates[0]! },
    ]),
  );
  appendFileSync(
    journalOf(dir),
    encodeRecords([{ briefId: "b", seq: 4, update: updates[3]! }]).subarray(0, 20),
  );

  expect(await storedText(dir, "b")).toBe("012");
  expect(loggedSeqs(dir, "b")).toEqual([1, 2, 3]);
  expect(loggedSeqs(dir, "snap")).toEqual([]);
  expect(loggedSeqs(dir, "gone")).toEqual([]);
  expect(statSync(journalOf(dir)).size).toBe(0);

  // Appends go on from the recovered log.
  const reopened = openSqliteStore(dir);
  expect(await reopened.docs.append("b", [updates[3]!])).toBe(4);
  await reopened.close();
  expect(await storedText(dir, "b")).toBe("0123");
});
