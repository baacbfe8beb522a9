import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, expect, it } from "vitest";
import { awarenessEntries } from "../../server/collab/messages.ts";
import type { CollabSocket } from "../../server/collab/socket.ts";
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS } from "../../server/schema/protocol.ts";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import { eventually } from "../utils/clients.ts";
import { createEmptyBrief, frame, testRooms } from "../utils/rooms.ts";
import { removeDataDir } from "../utils/server.ts";

const dir = mkdtempSync(path.join(tmpdir(), "briefroom-presence-"));
afterAll(() => removeDataDir(dir));

/** A connection that keeps the presence entries it is sent, states parsed. */
function listener() {
  const heard: { clientID: number; clock: number; state: unknown }[][] = [];
  const socket: CollabSocket = {
    send(data) {
      const dec = decoding.createDecoder(data);
      if (decoding.readVarUint(dec) !== MESSAGE_AWARENESS) return;
      heard.push(
        awarenessEntries(decoding.readVarUint8Array(dec)).map(({ clientID, clock, state }) => ({
          clientID,
          clock,
          state: JSON.parse(new TextDecoder().decode(state)),
        })),
      );
    },
    close: () => {},
    readyState: 1,
  };
  return { socket, heard };
}

function presence(clientID: number, clock: number, state: string): Uint8Array {
  return frame(MESSAGE_AWARENESS, (e) => {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, clientID);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, state);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
  });
}

it("presence reaches the others, an echo reaches nobody, and leaving is a removal", async () => {
  const store = openSqliteStore(dir);
  await createEmptyBrief(store, "p");
  const rooms = testRooms(store.docs);
  const access = { userId: null, canWrite: true };
  const ana = listener();
  const ben = listener();
  const anaConn = rooms.connect("p", ana.socket, access);
  const benConn = rooms.connect("p", ben.socket, access);
  await eventually(() => rooms.loaded("p") !== null, 5000, "the room to load");

  // Spacing as no JSON.stringify would write it: the room reads the state, not the bytes.
  const text = '{ "user" : {"name":"Ana", "color":"#f00"},"cursor" :3 }';
  const state = { user: { name: "Ana", color: "#f00" }, cursor: 3 };
  anaConn.receive(presence(7, 1, text));
  await eventually(() => ben.heard.length === 1, 5000, "Ben to hear Ana");
  expect(ben.heard[0]).toEqual([{ clientID: 7, clock: 1, state }]);

  // Ben's browser echoes it back: nobody hears it again.
  benConn.receive(presence(7, 1, text));
  await new Promise((r) => setTimeout(r, 50));
  expect(ana.heard).toHaveLength(0);
  expect(ben.heard).toHaveLength(1);

  // Someone joining, and a query, get the same state.
  const cleo = listener();
  const cleoConn = rooms.connect("p", cleo.socket, access);
  await eventually(() => cleo.heard.length === 1, 5000, "Cleo to hear who is here");
  expect(cleo.heard[0]).toEqual([{ clientID: 7, clock: 1, state }]);
  cleoConn.receive(frame(MESSAGE_QUERY_AWARENESS));
  expect(cleo.heard[1]).toEqual([{ clientID: 7, clock: 1, state }]);

  anaConn.closed();
  await eventually(() => ben.heard.length === 2, 5000, "Ben to hear Ana leave");
  // y-protocols' removal: the last clock, no state.
  expect(ben.heard[1]).toEqual([{ clientID: 7, clock: 1, state: null }]);

  benConn.closed();
  cleoConn.closed();
  await rooms.shutdown();
  await store.close();
});
