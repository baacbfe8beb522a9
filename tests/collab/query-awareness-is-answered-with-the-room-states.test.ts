import * as decoding from "lib0/decoding";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS } from "../../server/schema/protocol.ts";
import { connectClient, eventually, synced } from "../utils/clients.ts";
import { openRawSocket } from "../utils/raw-socket.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

/** The client ids and states in an awareness message. */
function awarenessStates(frame: Uint8Array): Map<number, unknown> {
  const dec = decoding.createDecoder(frame);
  expect(decoding.readVarUint(dec)).toBe(MESSAGE_AWARENESS);
  const update = decoding.createDecoder(decoding.readVarUint8Array(dec));
  const states = new Map<number, unknown>();
  const n = decoding.readVarUint(update);
  for (let i = 0; i < n; i++) {
    const clientID = decoding.readVarUint(update);
    decoding.readVarUint(update);
    states.set(clientID, JSON.parse(decoding.readVarString(update)));
  }
  return states;
}

it("query-awareness (message 3) is answered with the states of everyone in the room", async () => {
  const { id } = (await server.api<{ id: string }>("POST", "/api/briefs", { title: "Who" })).body;
  const ada = connectClient(server.wsUrl, id);
  const bo = connectClient(server.wsUrl, id);
  ada.provider.awareness.setLocalStateField("user", { name: "Ada" });
  bo.provider.awareness.setLocalStateField("user", { name: "Bo" });
  await Promise.all([synced(ada.provider), synced(bo.provider)]);
  await eventually(() => ada.provider.awareness.getStates().size === 2, 5000, "both to be present");

  const raw = openRawSocket(`${server.wsUrl}/${id}`);
  await raw.opened;
  await raw.next((f) => f[0] === 0);
  const before = raw.received.length;
  raw.send(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
  const reply = await raw.next(
    (f) => f[0] === MESSAGE_AWARENESS && raw.received.indexOf(f) >= before,
  );

  expect(awarenessStates(reply)).toEqual(
    new Map([
      [ada.doc.clientID, { user: { name: "Ada" } }],
      [bo.doc.clientID, { user: { name: "Bo" } }],
    ]),
  );
  raw.ws.close();
  ada.destroy();
  bo.destroy();
});

it("in an empty room the answer lists no one", async () => {
  const { id } = (await server.api<{ id: string }>("POST", "/api/briefs", { title: "Nobody" }))
    .body;
  const raw = openRawSocket(`${server.wsUrl}/${id}`);
  await raw.opened;
  await raw.next((f) => f[0] === 0);
  raw.send(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
  const reply = await raw.next((f) => f[0] === MESSAGE_AWARENESS);
  expect(awarenessStates(reply).size).toBe(0);
  raw.ws.close();
});
