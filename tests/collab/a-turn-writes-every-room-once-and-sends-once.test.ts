import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { CollabSocket } from "../../server/collab/socket.ts";
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from "../../server/schema/protocol.ts";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import type { AppendEntry, DocRepo } from "../../server/store/store.ts";
import { appendParagraph, eventually, fragmentText } from "../utils/clients.ts";
import { createEmptyBrief, frame, testRooms } from "../utils/rooms.ts";
import { removeDataDir } from "../utils/server.ts";

const dir = mkdtempSync(path.join(tmpdir(), "briefroom-turns-"));
afterAll(() => removeDataDir(dir));

/**
 * An in-memory socket that keeps what the room sends it, by message type, and the messages
 * each cork held together (as one system call would carry them).
 */
function memorySocket(): CollabSocket & {
  updates: Uint8Array[];
  presence: Uint8Array[];
  corked: number[];
} {
  let held: number | null = null;
  const socket = {
    updates: [] as Uint8Array[],
    presence: [] as Uint8Array[],
    corked: [] as number[],
    cork() {
      held = 0;
    },
    uncork() {
      socket.corked.push(held!);
      held = null;
    },
    send(data: Uint8Array) {
      if (held !== null) held++;
      const dec = decoding.createDecoder(data);
      const type = decoding.readVarUint(dec);
      if (type === MESSAGE_AWARENESS) socket.presence.push(decoding.readVarUint8Array(dec));
      else if (type === MESSAGE_SYNC && decoding.readVarUint(dec) === syncProtocol.messageYjsUpdate)
        socket.updates.push(decoding.readVarUint8Array(dec));
    },
    close: () => {},
    readyState: 1,
  };
  return socket;
}

it("edits that arrive in one turn are written in one commit for all rooms and sent with their presence in one write, never back to their sender", async () => {
  const store = openSqliteStore(dir);
  const commits: AppendEntry[][] = [];
  const docs: DocRepo = {
    ...store.docs,
    appendNow: (entries) => {
      commits.push(entries);
      return store.docs.appendNow!(entries);
    },
  };
  const rooms = testRooms(docs);
  const access = { userId: null, canWrite: true };
  const briefs = ["turn-a", "turn-b"];
  const people = await Promise.all(
    briefs.map(async (id) => {
      await createEmptyBrief(store, id);
      const writer = memorySocket();
      const reader = memorySocket();
      const writerConn = rooms.connect(id, writer, access);
      const readerConn = rooms.connect(id, reader, access);
      return { id, writer, reader, writerConn, readerConn };
    }),
  );
  await eventually(() => briefs.every((id) => rooms.loaded(id)), 5000, "both rooms to load");
  await new Promise((r) => setImmediate(r));
  commits.length = 0;

  // In one turn: three edits and a presence change from each writer.
  for (const { id, writerConn } of people) {
    const author = new Y.Doc();
    author.on("update", (u: Uint8Array) =>
      writerConn.receive(frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, u))),
    );
    for (const word of ["one", "two", "three"]) appendParagraph(author, `${id} ${word}`);
    const awareness = new awarenessProtocol.Awareness(author);
    awareness.setLocalStateField("user", { name: id });
    const presence = awarenessProtocol.encodeAwarenessUpdate(awareness, [author.clientID]);
    writerConn.receive(frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, presence)));
    awareness.destroy();
  }
  await eventually(() => people.every((p) => p.reader.updates.length > 0), 5000, "the updates");
  await new Promise((r) => setImmediate(r));

  expect(commits).toHaveLength(1);
  expect(commits[0]!.map((e) => [e.briefId, e.updates.length])).toEqual([
    ["turn-a", 3],
    ["turn-b", 3],
  ]);
  for (const { id, writer, reader } of people) {
    // In a room of two the updates go out as they came, unmerged, and with the presence
    // change they leave in one write.
    expect(reader.updates).toHaveLength(3);
    expect(reader.presence).toHaveLength(1);
    expect(reader.corked).toEqual([4]);
    const doc = new Y.Doc();
    for (const update of reader.updates) Y.applyUpdate(doc, update);
    expect(fragmentText(doc)).toBe(`${id} one\n${id} two\n${id} three`);
    expect(writer.updates).toEqual([]);
    expect(writer.presence).toEqual([]);
    expect(writer.corked).toEqual([]);
    expect((await store.docs.load(id))!.updates).toHaveLength(3);
  }

  for (const p of people) {
    p.writerConn.closed();
    p.readerConn.closed();
  }
  await rooms.shutdown();
  await store.close();
});

it("in a room of eight or more, a turn's updates go out merged into one message", async () => {
  const store = openSqliteStore(dir);
  const rooms = testRooms(store.docs);
  const access = { userId: null, canWrite: true };
  const id = "turn-big";
  await createEmptyBrief(store, id);
  const writer = memorySocket();
  const readers = Array.from({ length: 8 }, () => memorySocket());
  const writerConn = rooms.connect(id, writer, access);
  const readerConns = readers.map((reader) => rooms.connect(id, reader, access));
  await eventually(() => rooms.loaded(id) !== null, 5000, "the room to load");
  await new Promise((r) => setImmediate(r));

  const author = new Y.Doc();
  author.on("update", (u: Uint8Array) =>
    writerConn.receive(frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, u))),
  );
  for (const word of ["one", "two", "three"]) appendParagraph(author, word);
  await eventually(() => readers.every((r) => r.updates.length > 0), 5000, "the update");
  await new Promise((r) => setImmediate(r));

  for (const reader of readers) {
    expect(reader.updates).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, reader.updates[0]!);
    expect(fragmentText(doc)).toBe("one\ntwo\nthree");
  }
  expect(writer.updates).toEqual([]);

  writerConn.closed();
  for (const conn of readerConns) conn.closed();
  await rooms.shutdown();
  await store.close();
});
