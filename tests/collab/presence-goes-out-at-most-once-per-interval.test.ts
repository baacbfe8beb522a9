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
import { appendParagraph, eventually } from "../utils/clients.ts";
import { createEmptyBrief, frame, testRooms } from "../utils/rooms.ts";
import { removeDataDir } from "../utils/server.ts";

const dir = mkdtempSync(path.join(tmpdir(), "briefroom-presence-"));
afterAll(() => removeDataDir(dir));

const INTERVAL = 200;

/** Records when each update and presence message reaches it, and the last cursor it saw. */
function watcher() {
  const seen = { updates: [] as number[], presence: [] as number[], cursor: -1 };
  const socket: CollabSocket = {
    send(data) {
      const dec = decoding.createDecoder(data);
      const type = decoding.readVarUint(dec);
      if (type === MESSAGE_AWARENESS) {
        seen.presence.push(performance.now());
        const peer = new awarenessProtocol.Awareness(new Y.Doc());
        awarenessProtocol.applyAwarenessUpdate(peer, decoding.readVarUint8Array(dec), null);
        for (const state of peer.getStates().values()) seen.cursor = state.cursor ?? seen.cursor;
      } else if (
        type === MESSAGE_SYNC &&
        decoding.readVarUint(dec) === syncProtocol.messageYjsUpdate
      ) {
        seen.updates.push(performance.now());
      }
    },
    close: () => {},
    readyState: 1,
  };
  return { socket, seen };
}

it("a room sends presence at most once per interval, the latest state, while edits go out at once", async () => {
  const store = openSqliteStore(dir);
  const id = "presence";
  await createEmptyBrief(store, id);
  const rooms = testRooms(store.docs, { presenceIntervalMs: INTERVAL });
  const access = { userId: null, canWrite: true };
  const typist = rooms.connect(id, { send: () => {}, close: () => {}, readyState: 1 }, access);
  const { socket, seen } = watcher();
  const reader = rooms.connect(id, socket, access);
  await eventually(() => rooms.loaded(id) !== null, 5000, "the room to load");

  const author = new Y.Doc();
  author.on("update", (u: Uint8Array) =>
    typist.receive(frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, u))),
  );
  const awareness = new awarenessProtocol.Awareness(author);
  // Ten keystrokes 20 ms apart, each an edit and a cursor move: 200 ms of typing.
  const start = performance.now();
  for (let i = 0; i <= 10; i++) {
    appendParagraph(author, `key ${i}`);
    awareness.setLocalStateField("cursor", i);
    const presence = awarenessProtocol.encodeAwarenessUpdate(awareness, [author.clientID]);
    typist.receive(frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, presence)));
    await new Promise((r) => setTimeout(r, 20));
  }
  await eventually(() => seen.cursor === 10, 5000, "the last cursor position");

  expect(seen.updates).toHaveLength(11);
  // The first cursor goes out at once, the rest at most once per interval, the last one too.
  expect(seen.presence.length).toBeGreaterThanOrEqual(2);
  expect(seen.presence.length).toBeLessThanOrEqual(
    Math.ceil((performance.now() - start) / INTERVAL) + 1,
  );
  for (let i = 1; i < seen.presence.length; i++)
    expect(seen.presence[i]! - seen.presence[i - 1]!).toBeGreaterThanOrEqual(INTERVAL - 5);

  awareness.destroy();
  typist.closed();
  reader.closed();
  await rooms.shutdown();
  await store.close();
});
