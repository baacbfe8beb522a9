import { afterEach, describe, expect, it } from "vitest";
import { call, signUp, TEST_PASSWORD } from "../utils/auth.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

describe("forwarding headers", () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
    removeDataDir(server.dataDir);
  });
  const loginFrom = (ip: string, email: string, extra: Record<string, string> = {}) =>
    call(server, "POST", "/api/auth/login", {
      body: { email, password: "Nope-nope-1" },
      headers: { "x-forwarded-for": `203.0.113.9, ${ip}`, ...extra },
    });
  /** 30 failed sign-ins from `ip`, each for a different account; the 31st is the answer. */
  const exhaust = async (ip: string) => {
    for (let i = 0; i < 30; i++) await loginFrom(ip, `guess-${ip}-${i}@example.com`);
    return (await loginFrom(ip, `guess-${ip}-last@example.com`)).status;
  };

  it("with TRUST_PROXY, limit each client the proxy names, not the proxy", async () => {
    server = await startTestServer({ TRUST_PROXY: "true" });
    expect(await exhaust("198.51.100.1")).toBe(429);
    // Another client behind the same proxy still gets through.
    expect((await loginFrom("198.51.100.2", "someone@example.com")).status).toBe(401);
  });

  it("without it, are ignored: a client cannot pick its own rate-limit key", async () => {
    server = await startTestServer();
    expect(await exhaust("198.51.100.1")).toBe(429);
    expect((await loginFrom("198.51.100.2", "someone@example.com")).status).toBe(429);
  });

  it("with TRUST_PROXY, mark the session cookie Secure when the proxy says https", async () => {
    server = await startTestServer({ TRUST_PROXY: "true" });
    const user = await signUp(server);
    const cookieVia = async (proto: string) => {
      const res = await call(server, "POST", "/api/auth/login", {
        body: { email: user.user.email, password: TEST_PASSWORD },
        headers: { "x-forwarded-proto": proto },
      });
      expect(res.status).toBe(200);
      return res.headers.get("set-cookie") ?? "";
    };
    expect(await cookieVia("https")).toMatch(/;\s*Secure/i);
    expect(await cookieVia("http")).not.toMatch(/;\s*Secure/i);
  });
});
