import net, { type Socket } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Client, connectClient, eventually, synced } from "../utils/clients.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

const PING_INTERVAL_MS = 200;
/**
 * A silent peer is dropped after missing one pong: at most two intervals. The slack absorbs a
 * busy machine; without the server's keepalive, presence would linger for awareness's own
 * 30 s timeout, far beyond it.
 */
const PING_TIMEOUT_MS = 2 * PING_INTERVAL_MS + 1600;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ PING_INTERVAL_MS: String(PING_INTERVAL_MS) });
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

/**
 * A TCP proxy in front of the server that can go silent: it stops forwarding in both
 * directions without closing anything, like a peer whose network vanished.
 */
async function blackHoleProxy(port: number) {
  const sockets: Socket[] = [];
  const proxy = net.createServer((downstream) => {
    const upstream = net.connect(port, "127.0.0.1");
    sockets.push(downstream, upstream);
    downstream.pipe(upstream);
    upstream.pipe(downstream);
    for (const s of [downstream, upstream]) s.on("error", () => {});
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return {
    url: `ws://127.0.0.1:${(proxy.address() as net.AddressInfo).port}/collab`,
    silence() {
      for (const s of sockets) {
        s.unpipe();
        s.pause();
      }
    },
    close() {
      for (const s of sockets) s.destroy();
      proxy.close();
    },
  };
}

async function room(): Promise<{ id: string; watcher: Client }> {
  const { id } = (await server.api<{ id: string }>("POST", "/api/briefs", { title: "Presence" }))
    .body;
  const watcher = connectClient(server.wsUrl, id);
  await synced(watcher.provider);
  return { id, watcher };
}

async function present(watcher: Client, leaver: Client): Promise<void> {
  leaver.provider.awareness.setLocalStateField("user", { name: "Leaver" });
  await synced(leaver.provider);
  await eventually(
    () => watcher.provider.awareness.getStates().has(leaver.doc.clientID),
    5000,
    "the watcher to see the leaver",
  );
}

const gone = (watcher: Client, leaver: Client) => () =>
  !watcher.provider.awareness.getStates().has(leaver.doc.clientID);

it("disappears when the client disconnects cleanly", async () => {
  const { id, watcher } = await room();
  const leaver = connectClient(server.wsUrl, id);
  await present(watcher, leaver);
  leaver.destroy();
  await eventually(gone(watcher, leaver), PING_TIMEOUT_MS, "the presence to go");
  watcher.destroy();
});

it("disappears when the TCP connection drops without a close frame", async () => {
  const { id, watcher } = await room();
  const leaver = connectClient(server.wsUrl, id);
  await present(watcher, leaver);
  leaver.provider.shouldConnect = false;
  (leaver.provider.ws as unknown as { _socket: Socket })._socket.destroy();
  await eventually(gone(watcher, leaver), PING_TIMEOUT_MS, "the presence to go");
  leaver.destroy();
  watcher.destroy();
});

it("disappears within the ping timeout when the peer goes silent", async () => {
  const { id, watcher } = await room();
  const proxy = await blackHoleProxy(server.port);
  const leaver = connectClient(proxy.url, id);
  await present(watcher, leaver);
  proxy.silence();
  await eventually(gone(watcher, leaver), PING_TIMEOUT_MS, "the silent peer's presence to go");
  expect(leaver.provider.wsconnected).toBe(true);
  leaver.destroy();
  proxy.close();
  watcher.destroy();
});

it("comes back at once when the client reconnects, though its removal outranked its clock", async () => {
  const { id, watcher } = await room();
  const leaver = connectClient(server.wsUrl, id);
  await present(watcher, leaver);
  leaver.provider.disconnect();
  await eventually(gone(watcher, leaver), PING_TIMEOUT_MS, "the presence to go");

  // The client announces itself with the clock it had before; a client renews its state only
  // every 15 s, so anything near that would mean the announcement was ignored.
  leaver.provider.connect();
  await eventually(
    () => watcher.provider.awareness.getStates().get(leaver.doc.clientID)?.user?.name === "Leaver",
    3000,
    "the watcher to see the leaver again",
  );
  // The leaver's next change still reaches the watcher: its clock moved past the room's.
  leaver.provider.awareness.setLocalStateField("user", { name: "Back" });
  await eventually(
    () => watcher.provider.awareness.getStates().get(leaver.doc.clientID)?.user?.name === "Back",
    3000,
    "the watcher to see the change",
  );
  leaver.destroy();
  watcher.destroy();
});
