import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as decoding from "lib0/decoding";
import { afterAll, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { CollabSocket } from "../../server/collab/socket.ts";
import { MESSAGE_SYNC } from "../../server/schema/protocol.ts";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import { appendParagraph, eventually, fragmentText } from "../utils/clients.ts";
import { createEmptyBrief, frame, testRooms } from "../utils/rooms.ts";
import { removeDataDir } from "../utils/server.ts";
import { storedLog } from "../utils/stored-log.ts";

const dir = mkdtempSync(path.join(tmpdir(), "briefroom-durable-"));
afterAll(() => removeDataDir(dir));

/** An in-memory socket that records what the room sends it. */
function memorySocket(
  onSend: (data: Uint8Array) => void = () => {},
): CollabSocket & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return {
    sent,
    send: (data) => {
      sent.push(data);
      onSend(data);
    },
    close: () => {},
    readyState: 1,
  };
}

it("a sync step 2 reply never carries an edit before that edit is in the store", async () => {
  const store = openSqliteStore(dir);
  const id = "durable";
  await createEmptyBrief(store, id, "Durable");
  const rooms = testRooms(store.docs);

  const replies: { text: string; stored: number }[] = [];
  const joiner = memorySocket((data) => {
    const dec = decoding.createDecoder(data);
    if (
      decoding.readVarUint(dec) !== 0 ||
      decoding.readVarUint(dec) !== syncProtocol.messageYjsSyncStep2
    )
      return;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, decoding.readVarUint8Array(dec));
    replies.push({ text: fragmentText(doc), stored: storedLog(dir, id).length });
  });
  const writer = memorySocket();
  const access = { userId: null, canWrite: true };
  const writerConn = rooms.connect(id, writer, access);
  const joinerConn = rooms.connect(id, joiner, access);
  await eventually(() => writer.sent.length > 0 && joiner.sent.length > 0, 5000, "both to join");

  // An edit and a newcomer's sync step 1 arrive together, before the edit's group commit.
  const author = new Y.Doc();
  author.on("update", (u: Uint8Array) =>
    writerConn.receive(frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, u))),
  );
  appendParagraph(author, "alpha");
  joinerConn.receive(frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, new Y.Doc())));

  await eventually(() => replies.length === 1, 5000, "the sync step 2 reply");
  // The reply carries the edit, and by the time it is sent the edit is committed.
  expect(replies[0]).toEqual({ text: "alpha", stored: 1 });

  writerConn.closed();
  joinerConn.closed();
  await rooms.shutdown();
  await store.close();
});
