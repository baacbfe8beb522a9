import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, newToken } from "../../server/auth/tokens.ts";
import { call, signIn } from "../utils/auth.ts";
import { closeCode, openRawSocket, type RawSocket } from "../utils/raw-socket.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";
import { type Cast, newBrief, share, signUpCast } from "./fixtures.ts";

describe("revoking or expiring access", () => {
  let server: TestServer;
  let cast: Cast;
  beforeAll(async () => {
    server = await startTestServer();
    cast = await signUpCast(server);
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(server.dataDir);
  });

  async function openSocket(briefId: string, token: string): Promise<RawSocket> {
    const socket = openRawSocket(`${server.wsUrl}/${briefId}?token=${token}`, { auth: false });
    await socket.next((f) => f[0] === 0); // the server's sync step 1: the socket is in the room
    return socket;
  }
  const stillOpen = (socket: RawSocket) => socket.ws.readyState === socket.ws.OPEN;

  it("revoking a link closes its live sockets at once and refuses the token afterwards", async () => {
    const id = await newBrief(server, cast.owner);
    const link = await share(server, cast.owner, id, { role: "editor" });
    const linked = [await openSocket(id, link.token!), await openSocket(id, link.token!)];
    const owner = await openSocket(id, cast.owner.token);

    const revoked = await call(server, "DELETE", `/api/briefs/${id}/shares/${link.id}`, {
      token: cast.owner.token,
    });
    expect(revoked.status).toBe(204);
    for (const s of linked) expect(await closeCode(s, 1000)).toBe(4403);
    expect(stillOpen(owner)).toBe(true);

    const again = openRawSocket(`${server.wsUrl}/${id}?token=${link.token}`, { auth: false });
    expect(await closeCode(again)).toBe(4401);
    expect((await call(server, "GET", `/api/briefs/${id}?token=${link.token}`)).status).toBe(401);
    owner.ws.close();
  });

  it("an expired link is refused, and its live socket is closed when it expires", async () => {
    const id = await newBrief(server, cast.owner);
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const link = await share(server, cast.owner, id, { role: "viewer", expiresAt });
    expect(link.expiresAt).toBe(expiresAt);
    const socket = await openSocket(id, link.token!);
    expect((await call(server, "GET", `/api/briefs/${id}?token=${link.token}`)).status).toBe(200);

    expect(await closeCode(socket, 4000)).toBe(4403);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiresAt));
    const again = openRawSocket(`${server.wsUrl}/${id}?token=${link.token}`, { auth: false });
    expect(await closeCode(again)).toBe(4401);
    expect((await call(server, "GET", `/api/briefs/${id}?token=${link.token}`)).status).toBe(401);
  });

  it("signing out closes that session's live sockets, not the person's other sessions'", async () => {
    const id = await newBrief(server, cast.owner);
    const elsewhere = await signIn(server, cast.owner.user.email);
    const [here, there] = [
      await openSocket(id, cast.owner.token),
      await openSocket(id, elsewhere.token),
    ];
    const out = await call(server, "POST", "/api/auth/logout", { token: elsewhere.token });
    expect(out.status).toBe(204);
    expect(await closeCode(there, 1000)).toBe(4401);
    expect(stillOpen(here)).toBe(true);
    const again = openRawSocket(`${server.wsUrl}/${id}?token=${elsewhere.token}`, { auth: false });
    expect(await closeCode(again)).toBe(4401);
    here.ws.close();
  });

  it("a session that expires closes its live sockets then, and not the person's other sessions'", async () => {
    const id = await newBrief(server, cast.owner);
    // A session near its end, as one 30 days old would be; only the lifetime is shortened.
    const token = newToken();
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const db = new Database(path.join(server.dataDir, "briefroom.db"));
    db.prepare(
      "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
    ).run(hashToken(token), cast.owner.user.id, new Date().toISOString(), expiresAt);
    db.close();
    const [ending, lasting] = [await openSocket(id, token), await openSocket(id, cast.owner.token)];

    expect(await closeCode(ending, 4000)).toBe(4401);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiresAt));
    expect(stillOpen(lasting)).toBe(true);
    const again = openRawSocket(`${server.wsUrl}/${id}?token=${token}`, { auth: false });
    expect(await closeCode(again)).toBe(4401);
    lasting.ws.close();
  });

  it("a link cannot be made already expired", async () => {
    const id = await newBrief(server, cast.owner);
    const res = await call(server, "POST", `/api/briefs/${id}/shares`, {
      token: cast.owner.token,
      body: { role: "viewer", expiresAt: new Date(Date.now() - 1000).toISOString() },
    });
    expect(res.status).toBe(400);
  });

  it("revoking a person's share closes their sockets and keeps them out", async () => {
    const id = await newBrief(server, cast.owner);
    const viewerShare = await share(server, cast.owner, id, {
      email: cast.viewer.user.email,
      role: "viewer",
    });
    const socket = await openSocket(id, cast.viewer.token);
    await call(server, "DELETE", `/api/briefs/${id}/shares/${viewerShare.id}`, {
      token: cast.owner.token,
    });
    expect(await closeCode(socket, 1000)).toBe(4403);
    const again = openRawSocket(`${server.wsUrl}/${id}?token=${cast.viewer.token}`, {
      auth: false,
    });
    expect(await closeCode(again)).toBe(4403);
    expect(
      (await call(server, "GET", `/api/briefs/${id}`, { token: cast.viewer.token })).status,
    ).toBe(404);
  });

  it("deleting a brief closes every socket on it with 4404", async () => {
    const id = await newBrief(server, cast.owner);
    const link = await share(server, cast.owner, id, { role: "viewer" });
    const sockets = [await openSocket(id, cast.owner.token), await openSocket(id, link.token!)];
    expect(
      (await call(server, "DELETE", `/api/briefs/${id}`, { token: cast.owner.token })).status,
    ).toBe(204);
    for (const s of sockets) expect(await closeCode(s, 1000)).toBe(4404);
  });
});
