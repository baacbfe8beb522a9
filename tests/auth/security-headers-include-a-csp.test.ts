import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../utils/auth.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

describe("secure headers", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(server.dataDir);
  });

  it("every kind of answer carries a CSP that allows the app and its WebSocket only", async () => {
    const host = new URL(server.url).host;
    const answers = [
      await call(server, "GET", "/healthz"),
      await call(server, "GET", "/api/me"),
      await call(server, "GET", "/api/briefs", { token: server.token }),
      await call(server, "GET", "/briefs/some-page"),
      await call(server, "POST", "/api/auth/login", {
        raw: "{not json",
        headers: { "content-type": "application/json" },
      }),
    ];
    for (const res of answers) {
      const csp = res.headers.get("content-security-policy") ?? "";
      const directives = Object.fromEntries(
        csp.split(";").map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(directives["default-src"]).toEqual(["'self'"]);
      expect(directives["script-src"]).toEqual(["'self'"]);
      expect(directives["connect-src"]).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
      expect(directives["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
      expect(directives["object-src"]).toEqual(["'none'"]);
      expect(directives["frame-ancestors"]).toEqual(["'none'"]);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });

  it("errors are {error:{id,message}} without stack traces", async () => {
    const bad = await call(server, "POST", "/api/auth/login", {
      raw: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body as object)).toEqual(["error"]);
    expect(JSON.stringify(bad.body)).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:/);
  });

  it("limits auth bodies to a few kilobytes", async () => {
    const res = await call(server, "POST", "/api/auth/login", {
      raw: JSON.stringify({ email: "a@b.c", password: "x".repeat(64 * 1024) }),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(413);
  });
});
