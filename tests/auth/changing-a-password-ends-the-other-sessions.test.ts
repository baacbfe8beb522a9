import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, signIn, signUp, TEST_PASSWORD } from "../utils/auth.ts";
import { closeCode, openRawSocket } from "../utils/raw-socket.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";
import { newBrief } from "./fixtures.ts";

const NEW_PASSWORD = "Another-Long-Passphrase-9";

describe("changing one's password", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(server.dataDir);
  });

  const change = (token: string, body: unknown) =>
    call(server, "POST", "/api/me/password", { token, body });

  it("needs the current password and a good new one, and says which field is wrong", async () => {
    const ada = await signUp(server, { name: "Ada" });
    const wrong = await change(ada.token, { currentPassword: "not it", newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(403);
    expect(JSON.stringify(wrong.body)).toContain("currentPassword");
    const weak = await change(ada.token, { currentPassword: TEST_PASSWORD, newPassword: "short" });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(weak.body)).toContain("newPassword");
    const same = await change(ada.token, {
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
    });
    expect(same.status).toBe(400);
    expect((await change(ada.token, { newPassword: NEW_PASSWORD })).status).toBe(400);
    expect((await call(server, "POST", "/api/me/password", { body: {} })).status).toBe(401);
    // Nothing changed: the old password still signs in.
    await signIn(server, ada.user.email, TEST_PASSWORD);
  });

  it("takes the new password, ends the other sessions and their sockets, and keeps this one", async () => {
    const ben = await signUp(server, { name: "Ben" });
    const laptop = await signIn(server, ben.user.email);
    const id = await newBrief(server, ben);
    const elsewhere = openRawSocket(`${server.wsUrl}/${id}?token=${laptop.token}`, {
      auth: false,
    });
    await elsewhere.next((f) => f[0] === 0);
    const here = openRawSocket(`${server.wsUrl}/${id}?token=${ben.token}`, { auth: false });
    await here.next((f) => f[0] === 0);

    const res = await change(ben.token, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(res.status).toBe(204);
    expect(await closeCode(elsewhere, 2000)).toBe(4401);
    expect(here.ws.readyState).toBe(here.ws.OPEN);
    expect((await call(server, "GET", "/api/me", { token: laptop.token })).status).toBe(401);
    expect((await call(server, "GET", "/api/me", { token: ben.token })).status).toBe(200);
    await expect(signIn(server, ben.user.email, TEST_PASSWORD)).rejects.toThrow(/401/);
    await signIn(server, ben.user.email, NEW_PASSWORD);

    const audit = await server.api<{ entries: { type: string; actorId: string | null }[] }>(
      "GET",
      "/api/admin/audit",
    );
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ type: "password_changed", actorId: ben.user.id }),
    );
    here.ws.close();
  });
});
