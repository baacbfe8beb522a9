import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readEnv } from "../../server/env.ts";
import { createLogger } from "../../server/logger.ts";
import { startServer } from "../../server/server.ts";
import { call, signUp, TEST_PASSWORD } from "../utils/auth.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";
import { newBrief, share } from "./fixtures.ts";

describe("accounts on a new instance", () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
    removeDataDir(server.dataDir);
  });

  it("makes the first account admin and later ones members", async () => {
    server = await startTestServer({}, { account: false });
    const first = await signUp(server);
    const second = await signUp(server);
    expect(first.user.isAdmin).toBe(true);
    expect(second.user.isAdmin).toBe(false);
    expect((await call(server, "GET", "/api/admin/audit", { token: first.token })).status).toBe(
      200,
    );
    expect((await call(server, "GET", "/api/admin/audit", { token: second.token })).status).toBe(
      403,
    );
    const me = await call<{ user: { id: string } }>(server, "GET", "/api/me", {
      token: second.token,
    });
    expect(me.body.user.id).toBe(second.user.id);
    expect(JSON.stringify(me.body)).not.toMatch(/password|hash/i);
  });

  it("refuses a taken email and a weak password", async () => {
    server = await startTestServer({}, { account: false });
    await signUp(server, { email: "taken@example.com" });
    const again = await call(server, "POST", "/api/auth/signup", {
      body: { email: "TAKEN@example.com ", password: TEST_PASSWORD, name: "Again" },
    });
    expect(again.status).toBe(409);
    for (const password of ["short1!", "lowercaseonly", "password123", "taken2@example.com1"]) {
      const weak = await call<{ error: { id: string } }>(server, "POST", "/api/auth/signup", {
        body: { email: "taken2@example.com", password, name: "Weak" },
      });
      expect(weak.body.error.id, password).toBe("weak_password");
    }
  });

  it("with SIGNUP=invite, lets in only the first account and people a brief was shared with", async () => {
    server = await startTestServer({ SIGNUP: "invite" }, { account: false });
    const admin = await signUp(server);
    expect(admin.user.isAdmin).toBe(true);
    const stranger = await call<{ error: { id: string } }>(server, "POST", "/api/auth/signup", {
      body: { email: "stranger@example.com", password: TEST_PASSWORD, name: "Stranger" },
    });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.id).toBe("signup_invite_only");

    const id = await newBrief(server, admin);
    const pending = await share(server, admin, id, {
      email: "invitee@example.com",
      role: "editor",
    });
    expect(pending.accepted).toBe(false);
    const invitee = await signUp(server, { email: "invitee@example.com" });
    const got = await call(server, "GET", `/api/briefs/${id}`, { token: invitee.token });
    expect(got.status).toBe(200);
    const patched = await call(server, "PATCH", `/api/briefs/${id}`, {
      token: invitee.token,
      body: { title: "Edited" },
    });
    expect(patched.status).toBe(200);
  });

  it("tells whoever starts an empty instance how to create the first account", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "briefroom-first-"));
    const lines: string[] = [];
    const running = await startServer(
      readEnv({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir }),
      createLogger("info", (l) => lines.push(l)),
    );
    server = { ...running, dataDir } as unknown as TestServer;
    const hint = lines
      .map((l) => JSON.parse(l) as { msg: string })
      .find((l) => l.msg.includes("No accounts yet"));
    expect(hint?.msg).toContain(`${running.url}/api/auth/signup`);
    expect(hint?.msg).toContain("becomes the admin");
  });
});
