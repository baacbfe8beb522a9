import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../utils/auth.ts";
import { startTestServer, type TestServer } from "../utils/server.ts";
import { type Cast, share, sharedBrief, signUpCast } from "./fixtures.ts";

describe("GET /api/briefs/:id", () => {
  let server: TestServer;
  let cast: Cast;
  let brief: string;
  beforeAll(async () => {
    server = await startTestServer();
    cast = await signUpCast(server);
    brief = await sharedBrief(server, cast);
  });
  afterAll(async () => {
    await server?.close();
  });

  const roleOf = async (token: string) =>
    (await call<{ role: string }>(server, "GET", `/api/briefs/${brief}`, { token })).body.role;

  it("says the caller's role, so the client can offer only what they may do", async () => {
    expect(await roleOf(cast.owner.token)).toBe("owner");
    expect(await roleOf(cast.editor.token)).toBe("editor");
    expect(await roleOf(cast.commenter.token)).toBe("commenter");
    expect(await roleOf(cast.viewer.token)).toBe("viewer");
    expect(await roleOf(server.token!)).toBe("owner"); // the admin
  });

  it("says a link holder's role from the link", async () => {
    const link = await share(server, cast.owner, brief, { role: "viewer" });
    expect(link.token).toBeTruthy();
    expect(await roleOf(link.token!)).toBe("viewer");
  });
});
