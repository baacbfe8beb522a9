import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import * as decoding from "lib0/decoding";
import { afterAll, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { RoomManager } from "../../server/collab/rooms.ts";
import type { CollabSocket } from "../../server/collab/socket.ts";
import { CloseCode, MESSAGE_SYNC } from "../../server/schema/protocol.ts";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import type { Store } from "../../server/store/store.ts";
import { appendParagraph, eventually } from "../utils/clients.ts";
import { createEmptyBrief, frame, testRooms } from "../utils/rooms.ts";
import { removeDataDir } from "../utils/server.ts";

const dir = mkdtempSync(path.join(tmpdir(), "briefroom-opening-"));
afterAll(() => removeDataDir(dir));

/**
 * A new client: sends an empty state vector and keeps the server's sync step 1 (its state
 * vector), the sync step 2 it gets back, and any updates sent to it after.
 */
function opener(rooms: RoomManager, briefId: string) {
  const stepOnes: Uint8Array[] = [];
  const replies: Uint8Array[] = [];
  const updates: Uint8Array[] = [];
  const socket: CollabSocket = {
    send(data) {
      const dec = decoding.createDecoder(data);
      if (decoding.readVarUint(dec) !== MESSAGE_SYNC) return;
      const type = decoding.readVarUint(dec);
      const payload = decoding.readVarUint8Array(dec);
      if (type === syncProtocol.messageYjsSyncStep1) stepOnes.push(payload);
      if (type === syncProtocol.messageYjsSyncStep2) replies.push(payload);
      if (type === syncProtocol.messageYjsUpdate) updates.push(payload);
    },
    close: () => {},
    readyState: 1,
  };
  const conn = rooms.connect(briefId, socket, { userId: null, canWrite: true });
  conn.receive(frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, new Y.Doc())));
  return { conn, stepOnes, replies, updates };
}

function text(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getXmlFragment("default").toString();
}

it("people opening a brief get the whole document, the latest edit included, and after a reload", async () => {
  const store = openSqliteStore(dir);
  await createEmptyBrief(store, "o");
  const rooms = testRooms(store.docs);
  const author = new Y.Doc();
  appendParagraph(author, "first");
  const writer = rooms.connect(
    "o",
    { send: () => {}, close: () => {}, readyState: 1 },
    {
      userId: null,
      canWrite: true,
    },
  );
  writer.receive(
    frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(author))),
  );
  await eventually(() => rooms.loaded("o") !== null, 5000, "the room to load");

  const a = opener(rooms, "o");
  const b = opener(rooms, "o");
  await eventually(() => a.replies.length === 1 && b.replies.length === 1, 5000, "both replies");
  expect(text(a.replies[0]!)).toContain("first");
  expect(b.replies[0]).toEqual(a.replies[0]);

  // An edit: the next person to open gets it too.
  const before = Y.encodeStateVector(author);
  appendParagraph(author, "second");
  writer.receive(
    frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(author, before))),
  );
  const c = opener(rooms, "o");
  await eventually(() => c.replies.length === 1, 5000, "the third reply");
  expect(text(c.replies[0]!)).toContain("second");
  expect(c.replies[0]).toEqual(Y.encodeStateAsUpdate(rooms.loaded("o")!.doc));

  for (const conn of [a.conn, b.conn, c.conn, writer]) conn.closed();
  await rooms.shutdown();

  // Loaded again from the store, the brief is answered from what was stored.
  const reloaded = testRooms(store.docs);
  const d = opener(reloaded, "o");
  await eventually(() => d.replies.length === 1, 5000, "the reply after reloading");
  expect(text(d.replies[0]!)).toBe(text(c.replies[0]!));
  d.conn.closed();
  await reloaded.shutdown();
  await store.close();
});

it("the first people to open a stored brief get it once, as the sync reply, not again as an update", async () => {
  const store = openSqliteStore(dir);
  await createEmptyBrief(store, "cold");
  const author = new Y.Doc();
  appendParagraph(author, "stored ".repeat(200));
  await store.docs.append("cold", [Y.encodeStateAsUpdate(author)]);
  const rooms = testRooms(store.docs);

  // Both connect while the room loads.
  const [a, b] = [opener(rooms, "cold"), opener(rooms, "cold")];
  await eventually(() => a.replies.length === 1 && b.replies.length === 1, 5000, "the replies");
  expect(text(a.replies[0]!)).toContain("stored");
  await new Promise((resolve) => setTimeout(resolve, 50)); // a few turns
  expect([...a.updates, ...b.updates]).toEqual([]);

  a.conn.closed();
  b.conn.closed();
  await rooms.shutdown();
  await store.close();
});

it("a stored brief is answered as stored, and the server builds its own copy only when someone edits", async () => {
  const store = openSqliteStore(dir);
  await createEmptyBrief(store, "lazy");
  const author = new Y.Doc();
  author.getMap("meta").set("title", "Lazy");
  appendParagraph(author, "stored ".repeat(200));
  await store.docs.append("lazy", [Y.encodeStateAsUpdate(author)]);
  // The room's `meta` observer fires when the stored state is applied to the server's copy.
  let built = 0;
  const rooms = testRooms(store.docs, { onMetaChange: () => built++ });

  const stepOnes: Uint8Array[] = [];
  const reader = opener(rooms, "lazy");
  await eventually(() => reader.replies.length === 1, 5000, "the reply");
  expect(text(reader.replies[0]!)).toBe(author.getXmlFragment("default").toString());
  // The stock client answers the server's sync step 1 with an update of what the server
  // lacks: nothing.
  reader.conn.receive(
    frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep2(e, author, Y.encodeStateVector(author))),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(built).toBe(0);

  // A returning client is asked only for what the stored state lacks.
  const returning = rooms.connect(
    "lazy",
    {
      send(data) {
        const dec = decoding.createDecoder(data);
        if (decoding.readVarUint(dec) !== MESSAGE_SYNC) return;
        if (decoding.readVarUint(dec) === syncProtocol.messageYjsSyncStep1)
          stepOnes.push(decoding.readVarUint8Array(dec));
      },
      close: () => {},
      readyState: 1,
    },
    { userId: null, canWrite: true },
  );
  await eventually(() => stepOnes.length === 1, 5000, "the server's sync step 1");
  expect(stepOnes[0]).toEqual(Y.encodeStateVector(author));
  expect(built).toBe(0);

  // An edit builds the server's copy, once, and reaches the reader on top of what it has.
  const before = Y.encodeStateVector(author);
  appendParagraph(author, "edited");
  returning.receive(
    frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(author, before))),
  );
  await eventually(() => reader.updates.length === 1, 5000, "the edit to reach the reader");
  expect(built).toBe(1);
  const readerDoc = new Y.Doc();
  Y.applyUpdate(readerDoc, reader.replies[0]!);
  Y.applyUpdate(readerDoc, reader.updates[0]!);
  expect(readerDoc.getXmlFragment("default").toString()).toBe(
    author.getXmlFragment("default").toString(),
  );
  expect(Y.encodeStateVector(rooms.loaded("lazy")!.doc)).toEqual(Y.encodeStateVector(author));

  reader.conn.closed();
  returning.closed();
  await rooms.shutdown();
  await store.close();
});

it("a compacted brief opens with the state vector stored beside it, and one stored without (before migration 4) too", async () => {
  const store = openSqliteStore(dir);
  await createEmptyBrief(store, "vector");
  const author = new Y.Doc();
  appendParagraph(author, "compacted ".repeat(100));
  await store.docs.append("vector", [Y.encodeStateAsUpdate(author)]);
  const first = testRooms(store.docs, { compactEvery: 1 });
  const a = opener(first, "vector");
  await eventually(() => a.replies.length === 1, 5000, "the first reply");
  // An edit, which the room compacts (it compacts every update here).
  const before = Y.encodeStateVector(author);
  appendParagraph(author, "edited");
  a.conn.receive(
    frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(author, before))),
  );
  await eventually(async () => (await store.docs.pending("vector")) === 0, 5000, "a compaction");
  a.conn.closed();
  await first.shutdown();
  const stored = (await store.docs.load("vector"))!;
  expect(stored.updates).toEqual([]);
  expect(stored.snapshotStateVector).toEqual(Y.encodeStateVector(author));
  await store.close();

  const openOnce = async () => {
    const reopened = openSqliteStore(dir);
    const rooms = testRooms(reopened.docs);
    const reader = opener(rooms, "vector");
    await eventually(() => reader.replies.length === 1, 5000, "the reply");
    expect(reader.stepOnes).toEqual([Y.encodeStateVector(author)]);
    expect(text(reader.replies[0]!)).toBe(author.getXmlFragment("default").toString());
    reader.conn.closed();
    await rooms.shutdown();
    await reopened.close();
  };
  await openOnce();

  // A row as stores before migration 4 left it: the state vector is read off the snapshot.
  const db = new Database(path.join(dir, "briefroom.db"));
  db.prepare("UPDATE doc_snapshots SET state_vector = NULL WHERE brief_id = ?").run("vector");
  db.close();
  await openOnce();
});

/**
 * A brief whose snapshot is `author`'s state cut short, stored with the whole state's vector
 * (as a row damaged in place would be). Returns the damaged snapshot's length.
 */
async function damagedBrief(store: Store, id: string, author: Y.Doc): Promise<number> {
  await createEmptyBrief(store, id);
  appendParagraph(author, "kept ".repeat(50));
  const whole = Y.encodeStateAsUpdate(author);
  await store.docs.append(id, [whole]);
  const cut = whole.subarray(0, whole.length - 40);
  const snapshot = { stateVector: Y.encodeStateVector(author), doc: { type: "doc" } };
  await store.docs.compact(id, { ...snapshot, state: cut }, 1);
  return cut.length;
}

/** A connection to `briefId` that records how it is closed. */
function watchedConnection(rooms: RoomManager, briefId: string) {
  const closes: [number, string][] = [];
  const conn = rooms.connect(
    briefId,
    { send: () => {}, close: (code, reason) => closes.push([code, reason]), readyState: 1 },
    { userId: null, canWrite: true },
  );
  return { conn, closes };
}

it("a brief whose stored state is damaged is refused with a clear close, and nothing is written over it", async () => {
  const store = openSqliteStore(dir);
  const author = new Y.Doc();
  const damagedLength = await damagedBrief(store, "damaged", author);
  // With updates logged after the snapshot (as a crash leaves them), loading decodes it
  // rather than trusting the state vector stored beside it.
  const before = Y.encodeStateVector(author);
  appendParagraph(author, "later");
  await store.docs.append("damaged", [Y.encodeStateAsUpdate(author, before)]);
  const rooms = testRooms(store.docs);

  const { conn, closes } = watchedConnection(rooms, "damaged");
  conn.receive(frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, new Y.Doc())));
  await eventually(() => closes.length === 1, 5000, "the connection to be closed");
  expect(closes[0]).toEqual([CloseCode.InternalError, "could not load brief"]);
  expect(rooms.loaded("damaged")).toBeNull();
  expect((await store.docs.load("damaged"))!.snapshot).toHaveLength(damagedLength);

  await rooms.shutdown();
  await store.close();
});

it("a damaged snapshot sent as stored fails the room at the first edit, and nothing is written over it", async () => {
  const store = openSqliteStore(dir);
  const author = new Y.Doc();
  // The snapshot alone: the load trusts the vector stored beside it.
  const damagedLength = await damagedBrief(store, "trusted", author);
  const rooms = testRooms(store.docs);
  const { conn, closes } = watchedConnection(rooms, "trusted");
  const before = Y.encodeStateVector(author);
  appendParagraph(author, "edit");
  conn.receive(
    frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(author, before))),
  );
  await eventually(() => closes.length === 1, 5000, "the connection to be closed");
  expect(closes[0]).toEqual([CloseCode.InternalError, "could not load brief"]);
  await rooms.shutdown();
  const stored = (await store.docs.load("trusted"))!;
  expect(stored.snapshot).toHaveLength(damagedLength);
  expect(stored.updates).toEqual([]);
  await store.close();
});
