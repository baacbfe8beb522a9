import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { call, sessionCookie } from "../utils/auth.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

describe("cookie-authenticated requests from other sites", () => {
  let server: TestServer;
  let cookie: string;
  let token: string;
  let host: string;
  beforeAll(async () => {
    server = await startTestServer();
    host = new URL(server.url).host;
    const signed = await call<{ token: string }>(server, "POST", "/api/auth/signup", {
      body: { email: "cookie@example.com", password: "Correct-Horse-42", name: "Cookie" },
      headers: { origin: server.url },
    });
    expect(signed.status).toBe(201);
    cookie = sessionCookie(signed);
    token = signed.body.token;
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(server.dataDir);
  });
  const create = (headers: Record<string, string>, bearer?: string) =>
    call(server, "POST", "/api/briefs", {
      body: { title: "CSRF" },
      headers,
      token: bearer ?? null,
    });
  const count = async () =>
    (await call<{ briefs: unknown[] }>(server, "GET", "/api/briefs", { headers: { cookie } })).body
      .briefs.length;

  it("sets the session cookie HttpOnly, SameSite=Lax, for the whole site", async () => {
    const res = await call(server, "POST", "/api/auth/login", {
      body: { email: "cookie@example.com", password: "Correct-Horse-42" },
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith("briefroom_session="))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Path=\//);
    expect(set).not.toMatch(/Secure/i); // plain http here; https requests get Secure
  });

  it("refuses cookie mutations from another origin, or with no origin at all, and changes nothing", async () => {
    const before = await count();
    const refused = [
      await create({ cookie, origin: "http://evil.example" }),
      await create({ cookie, "sec-fetch-site": "cross-site" }),
      await create({ cookie, "sec-fetch-site": "same-site" }),
      await create({ cookie, origin: "null" }),
      await create({ cookie }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { id: "csrf_refused" } });
    }
    expect(await count()).toBe(before);
  });

  it("accepts cookie mutations from the app itself", async () => {
    expect((await create({ cookie, origin: `http://${host}` })).status).toBe(201);
    expect((await create({ cookie, "sec-fetch-site": "same-origin" })).status).toBe(201);
  });

  it("exempts bearer-token requests, which no other site can make a browser send", async () => {
    expect((await create({ origin: "http://evil.example" }, token)).status).toBe(201);
  });

  it("refuses a cross-site sign-in (login CSRF)", async () => {
    const res = await call(server, "POST", "/api/auth/login", {
      body: { email: "cookie@example.com", password: "Correct-Horse-42" },
      headers: { origin: "http://evil.example" },
    });
    expect(res.status).toBe(403);
  });

  it("refuses a cookie-authenticated WebSocket opened by another site's page", async () => {
    const { body } = await create({ cookie, origin: `http://${host}` }).then(
      (r) => r as { body: { id: string } },
    );
    const code = (origin: string) =>
      new Promise<number | "open">((resolve) => {
        const ws = new WebSocket(`${server.wsUrl}/${body.id}`, { headers: { cookie, origin } });
        ws.on("message", () => {
          resolve("open");
          ws.close();
        });
        ws.on("close", (c) => resolve(c));
        ws.on("error", () => {});
      });
    expect(await code("http://evil.example")).toBe(4403);
    expect(await code(`http://${host}`)).toBe("open");
  });
});
