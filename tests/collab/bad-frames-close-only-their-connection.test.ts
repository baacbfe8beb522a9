import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCode } from "../../server/schema/protocol.ts";
import {
  appendParagraph,
  bodyLines,
  type Client,
  connectClient,
  eventually,
  synced,
} from "../utils/clients.ts";
import { closeCode, openRawSocket } from "../utils/raw-socket.ts";
import { seededRandom } from "../utils/seeded-random.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let server: TestServer;
let target: string;
let bystanders: Client[];
/** The target's body before any bad frame arrives. */
let targetBefore: string[];
let disconnects = 0;

beforeAll(async () => {
  server = await startTestServer();
  const create = async (title: string) =>
    (await server.api<{ id: string }>("POST", "/api/briefs", { title })).body.id;
  target = await create("Target");
  const other = await create("Elsewhere");
  // Two people in another room, one in the room under attack.
  bystanders = [
    connectClient(server.wsUrl, other),
    connectClient(server.wsUrl, other),
    connectClient(server.wsUrl, target),
  ];
  await Promise.all(bystanders.map((c) => synced(c.provider)));
  targetBefore = bodyLines(bystanders[2]!.doc);
  for (const c of bystanders) c.provider.on("connection-close", () => disconnects++);
});
afterAll(async () => {
  for (const c of bystanders) c.destroy();
  await server.close();
  removeDataDir(server.dataDir);
});

/** A frame with the given varints then `payload` as a length-prefixed byte array. */
function frame(varints: number[], payload?: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  for (const v of varints) encoding.writeVarUint(enc, v);
  if (payload) encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

async function sendAndGetCloseCode(data: Uint8Array | string): Promise<number> {
  const raw = openRawSocket(`${server.wsUrl}/${target}`);
  await raw.opened;
  // Wait for the server's sync step 1: the connection has joined the room.
  await raw.next((f) => f[0] === 0);
  raw.ws.send(data);
  return closeCode(raw);
}

const rng = seededRandom(4400);
const randomFrames = Array.from({ length: 8 }, () => rng.bytes(1 + rng.int(200)));

const malformed: [string, Uint8Array | string][] = [
  ...randomFrames.map((bytes, i): [string, Uint8Array] => [`random bytes #${i}`, bytes]),
  ["a truncated message type varint", new Uint8Array([0x80])],
  ["a truncated length varint", new Uint8Array([0, 0, 0xff, 0xff])],
  ["a payload shorter than its length", new Uint8Array([0, 2, 10, 1, 2, 3])],
  ["an empty frame", new Uint8Array([])],
  ["an unknown message type", frame([7])],
  ["the auth message type, which clients never send", frame([2, 0])],
  ["an unknown sync message type", frame([0, 9], new Uint8Array([0]))],
  ["trailing bytes after a valid message", new Uint8Array([3, 3])],
  ["a sync update that is not a Yjs update", frame([0, 2], rng.bytes(64))],
  ["an awareness update that is not one", frame([1], rng.bytes(32))],
  ["a text frame", "hello"],
];

describe("each bad frame closes only its own connection", () => {
  it.each(malformed)("%s is closed with 4400", async (_name, data) => {
    expect(await sendAndGetCloseCode(data)).toBe(CloseCode.Malformed);
  });

  it("a 9 MiB frame is closed with 4413", async () => {
    const huge = new Uint8Array(9 * 1024 * 1024);
    huge.set(frame([0, 2, 9 * 1024 * 1024 - 10]));
    expect(await sendAndGetCloseCode(huge)).toBe(CloseCode.TooLarge);
  });

  it("while everyone else stays connected and keeps editing", async () => {
    const [x, y, neighbour] = bystanders as [Client, Client, Client];
    appendParagraph(x.doc, "still here");
    await eventually(
      () => y.text().includes("still here"),
      5000,
      "an edit to cross the other room",
    );
    appendParagraph(neighbour.doc, "unharmed");
    const fresh = connectClient(server.wsUrl, target);
    await synced(fresh.provider);
    expect(bodyLines(fresh.doc)).toEqual([...targetBefore, "unharmed"]);
    fresh.destroy();
    expect(disconnects).toBe(0);
  });
});
