import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  encodeRecords,
  Journal,
  type LoggedUpdate,
  MAPPED_BYTES,
  type MapFile,
  readRecords,
} from "../../server/store/sqlite/journal.ts";
import { openSqliteStore, type SqliteStoreOptions } from "../../server/store/sqlite/open.ts";
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
/** The updates the journal file holds, read as a store opening it would. */
const journaled = (dir: string) => readRecords(readFileSync(journalOf(dir))).updates;

/**
 * The native addon that maps the journal. `npm install` builds it where a C compiler is;
 * without one the store writes the journal instead, and the mapped cases skip, except in CI,
 * where the addon must be there.
 */
const map = (createRequire(import.meta.url)("@briefroom/mmap") as { map: MapFile | null }).map;
const mapReason = map
  ? "mapped (native addon built)"
  : "mapped: skipped, the native addon @briefroom/mmap is not built (npm install needs a C compiler)";

it("CI has the native addon that maps the journal", () => {
  if (process.env.CI) expect(map, "npm ci should have built native/mmap").toBeTypeOf("function");
  else if (!map) console.warn(mapReason);
});

/** `n` updates typing "0", "1", … into text `t`, each its own update. */
function typed(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText("t").insert(doc.getText("t").length, String(i % 10));
  return updates;
}

/** The text a brief's stored state spells, loaded through a fresh store. */
async function storedText(
  dir: string,
  id: string,
  options: SqliteStoreOptions = {},
): Promise<string> {
  const store = openSqliteStore(dir, undefined, options);
  try {
    const stored = (await store.docs.load(id))!;
    const doc = new Y.Doc();
    for (const u of [stored.snapshot, ...stored.updates]) if (u) Y.applyUpdate(doc, u);
    return doc.getText("t").toString();
  } finally {
    await store.close();
  }
}

/** A store on a fresh data directory, with brief "b" in it. */
async function storeWithBrief(options: SqliteStoreOptions) {
  const dir = dataDir();
  const store = openSqliteStore(dir, undefined, options);
  await createEmptyBrief(store, "b", "B");
  return { dir, store };
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

describe.each([
  { journal: mapReason, options: {}, skip: !map },
  { journal: "written", options: { writeJournal: true }, skip: false },
])("the journal $journal", ({ options, skip }) => {
  it.skipIf(skip)(
    "an edit is in the journal before the append returns, and in the log once moved",
    async () => {
      const { dir, store } = await storeWithBrief(options);
      const [u1, u2] = typed(2);
      expect(await store.docs.append("b", [u1!, u2!])).toBe(2);
      expect(journaled(dir).map((r) => r.seq)).toEqual([1, 2]);
      expect(loggedSeqs(dir, "b")).toEqual([]);
      // Reading the log moves the journal in first.
      expect((await store.docs.load("b"))!.updates).toEqual([u1, u2]);
      expect(loggedSeqs(dir, "b")).toEqual([1, 2]);
      expect(journaled(dir)).toEqual([]);
      await store.close();
    },
  );

  it.skipIf(skip)(
    "edits journaled by a process that was killed are in the log when the store next opens",
    async () => {
      const dir = dataDir();
      const root = path.resolve(import.meta.dirname, "../..");
      const script = `
      import * as Y from "yjs";
      import { openSqliteStore } from ${JSON.stringify(path.join(root, "server/store/sqlite/open.ts"))};
      import { createEmptyBrief } from ${JSON.stringify(path.join(root, "tests/utils/rooms.ts"))};
      const store = openSqliteStore(${JSON.stringify(dir)}, undefined, ${JSON.stringify(options)});
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
      expect(journaled(dir)).toHaveLength(50);

      const expected = "01234567890123456789012345678901234567890123456789";
      expect(await storedText(dir, "b", options)).toBe(expected);
      expect(loggedSeqs(dir, "b")).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(journaled(dir)).toEqual([]);
    },
  );

  it.skipIf(skip)(
    "on opening, a torn last record is dropped, and updates already in the log, of deleted briefs or under the snapshot are not added again",
    async () => {
      const { dir, store } = await storeWithBrief(options);
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

      expect(await storedText(dir, "b", options)).toBe("012");
      expect(loggedSeqs(dir, "b")).toEqual([1, 2, 3]);
      expect(loggedSeqs(dir, "snap")).toEqual([]);
      expect(loggedSeqs(dir, "gone")).toEqual([]);
      expect(journaled(dir)).toEqual([]);

      // Appends go on from the recovered log.
      const reopened = openSqliteStore(dir, undefined, options);
      expect(await reopened.docs.append("b", [updates[3]!])).toBe(4);
      await reopened.close();
      expect(await storedText(dir, "b", options)).toBe("0123");
    },
  );

  it.skipIf(skip)(
    "a batch bigger than the journal goes into the log, after what was journaled before it",
    async () => {
      const { dir, store } = await storeWithBrief(options);
      const [small] = typed(1);
      const huge = new Uint8Array(MAPPED_BYTES + 1).fill(7);
      expect(await store.docs.append("b", [small!])).toBe(1);
      expect(await store.docs.append("b", [huge])).toBe(2);
      // Stored by the time append returns: moved with the journal, or put into the log.
      expect(loggedSeqs(dir, "b")).toEqual([1, 2]);
      expect(journaled(dir)).toEqual([]);
      expect(await store.docs.append("b", [small!])).toBe(3);
      const loaded = (await store.docs.load("b"))!.updates.map((update, i) => ({
        briefId: "b",
        seq: i + 1,
        update,
      }));
      expect(digest(loaded)).toEqual(
        digest([small!, huge, small!].map((update, i) => ({ briefId: "b", seq: i + 1, update }))),
      );
      await store.close();
    },
  );
});

/** An update of `bytes` bytes, as the journal sees it (it never decodes one). */
const blob = (bytes: number, fill: number) => new Uint8Array(bytes).fill(fill);
/** Updates as brief, seq, size and checksum: deep equality on megabytes is slow. */
const digest = (updates: readonly LoggedUpdate[]) =>
  updates.map(({ briefId, seq, update }) => ({
    briefId,
    seq,
    bytes: update.length,
    crc: crc32(update),
  }));

describe.each([
  { journal: mapReason, map, skip: !map },
  { journal: "written", map: null, skip: false },
])("a Journal $journal", ({ map: mapFile, skip }) => {
  it.skipIf(skip)(
    "drops a torn record on opening and what lies after it, so new records never lead into old ones",
    () => {
      const file = journalOf(dataDir());
      const a = { briefId: "a", seq: 1, update: blob(10, 1) };
      const b = { briefId: "a", seq: 2, update: blob(3, 3) };
      const stale = { briefId: "a", seq: 7, update: blob(10, 7) };
      // A, then a record torn short, then an old record just where B's will end: a crash can
      // leave a file like this (its pages reach the disk in any order).
      const whole = encodeRecords([a]);
      const torn = encodeRecords([{ briefId: "a", seq: 2, update: blob(10, 2) }]).subarray(0, 15);
      const gap = Buffer.alloc(encodeRecords([b]).length - torn.length);
      writeFileSync(file, Buffer.concat([whole, torn, gap, encodeRecords([stale])]));
      // Without the torn record, the old one would be read after B.
      expect(readRecords(Buffer.concat([whole, encodeRecords([b, stale])])).updates).toHaveLength(
        3,
      );

      const journal = new Journal(file, { map: mapFile });
      expect(journal.held).toEqual([a]);
      expect(journal.append([b])).toBe(true);
      journal.close();
      expect(readRecords(readFileSync(file)).updates).toEqual([a, b]);
      expect(new Journal(file, { map: mapFile }).held).toEqual([a, b]);
    },
  );

  it.skipIf(skip)("reads what a journal kept the other way left", () => {
    const file = journalOf(dataDir());
    const updates = [
      { briefId: "a", seq: 1, update: blob(5, 1) },
      { briefId: "b", seq: 1, update: blob(5, 2) },
    ];
    const other = new Journal(file, { map: mapFile ? null : map });
    other.append(updates);
    other.close();

    const journal = new Journal(file, { map: mapFile });
    expect(journal.held).toEqual(updates);
    expect(journal.append([{ briefId: "a", seq: 2, update: blob(5, 3) }])).toBe(true);
    expect(journal.count).toBe(3);
    journal.close();
  });
});

it.skipIf(!map)(
  "a mapped journal keeps its file's size, zeros after its records, and refuses a batch it has no room for",
  () => {
    const file = journalOf(dataDir());
    const journal = new Journal(file, { map });
    expect(journal.mapped).toBe(true);
    expect(statSync(file).size).toBe(MAPPED_BYTES);

    const small = [{ briefId: "a", seq: 1, update: blob(100, 1) }];
    expect(journal.append(small)).toBe(true);
    // In the file as soon as append returns, with no write: the file is the mapping.
    expect(readRecords(readFileSync(file)).updates).toEqual(small);
    journal.clear();
    expect(readFileSync(file).equals(Buffer.alloc(MAPPED_BYTES))).toBe(true);

    const third = Math.floor(MAPPED_BYTES / 3);
    const big = (seq: number) => ({ briefId: "a", seq, update: blob(third, seq) });
    expect(journal.append([big(1), big(2)])).toBe(true);
    expect(journal.append([big(3)])).toBe(false);
    expect(journal.count).toBe(2);
    expect(digest(readRecords(readFileSync(file)).updates)).toEqual(digest([big(1), big(2)]));
    journal.close();
  },
);
