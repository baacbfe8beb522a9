import { afterAll, beforeAll, expect, it } from "vitest";
import { CloseCode } from "../../server/schema/protocol.ts";
import { connectClient } from "../utils/clients.ts";
import { closeCode, openRawSocket } from "../utils/raw-socket.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

it.each([
  ["an id no brief has", "nosuchbrief0123456789"],
  ["an id that is not a valid brief id", "not.a%20brief!"],
  ["an id longer than any brief id", "x".repeat(65)],
])("connecting with %s is closed with 4404", async (_what, id) => {
  const raw = openRawSocket(`${server.wsUrl}/${id}`);
  await raw.opened;
  expect(await closeCode(raw)).toBe(CloseCode.NotFound);
  expect(raw.received).toEqual([]);
});

it("a stock y-websocket client is told 4404 and stops retrying", async () => {
  const client = connectClient(server.wsUrl, "nosuchbrief0123456789");
  const closed = await new Promise<{ code: number }>((resolve) =>
    client.provider.once("closed", resolve),
  );
  expect(closed.code).toBe(CloseCode.NotFound);
  expect(client.provider.shouldConnect).toBe(false);
  client.destroy();
});
