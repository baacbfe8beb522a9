import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../utils/auth.ts";
import { closeCode, openRawSocket } from "../utils/raw-socket.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";
import { type Cast, newBrief, share, signUpCast } from "./fixtures.ts";

describe("credentials scoped to one brief", () => {
  let server: TestServer;
  let cast: Cast;
  let a: string;
  let b: string;
  let link: string;
  beforeAll(async () => {
    server = await startTestServer();
    cast = await signUpCast(server);
    a = await newBrief(server, cast.owner, "A");
    b = await newBrief(server, cast.owner, "B");
    link = (await share(server, cast.owner, a, { role: "editor" })).token!;
    await share(server, cast.owner, a, { email: cast.viewer.user.email, role: "viewer" });
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(server.dataDir);
  });

  const socketCode = (briefId: string, token: string) =>
    closeCode(
      openRawSocket(`${server.wsUrl}/${briefId}?token=${token}`, { auth: false }),
      3000,
    ).catch(() => "open");

  it("a link token opens its own brief and nothing else", async () => {
    expect((await call(server, "GET", `/api/briefs/${a}?token=${link}`)).status).toBe(200);
    expect((await call(server, "GET", `/api/briefs/${b}?token=${link}`)).status).toBe(404);
    expect((await call(server, "GET", `/api/briefs/${b}`, { token: link })).status).toBe(404);
    expect(
      (await call(server, "PATCH", `/api/briefs/${b}`, { token: link, body: { title: "x" } }))
        .status,
    ).toBe(404);
    expect(await socketCode(b, link)).toBe(4403);
    expect(await socketCode(a, link)).toBe("open");
  });

  it("a link token is not an account: no listing, no profile, no other resources", async () => {
    expect((await call(server, "GET", "/api/briefs", { token: link })).status).toBe(401);
    expect((await call(server, "GET", "/api/me", { token: link })).status).toBe(401);
    expect(
      (await call(server, "POST", "/api/briefs", { token: link, body: { title: "x" } })).status,
    ).toBe(401);
    expect((await call(server, "GET", `/api/briefs/${a}/shares`, { token: link })).status).toBe(
      403,
    );
  });

  it("a user shared on one brief cannot open another", async () => {
    expect(await socketCode(b, cast.viewer.token)).toBe(4403);
    expect(
      (await call(server, "GET", `/api/briefs/${b}`, { token: cast.viewer.token })).status,
    ).toBe(404);
    expect(
      (await call(server, "GET", `/api/briefs/${a}`, { token: cast.viewer.token })).status,
    ).toBe(200);
  });

  it("query tokens are accepted only where a URL must carry them", async () => {
    expect((await call(server, "GET", `/api/briefs?token=${cast.owner.token}`)).status).toBe(401);
    expect((await call(server, "GET", `/api/me?token=${cast.owner.token}`)).status).toBe(401);
    expect(
      (await call(server, "PATCH", `/api/briefs/${a}?token=${link}`, { body: { title: "x" } }))
        .status,
    ).toBe(401);
  });
});
