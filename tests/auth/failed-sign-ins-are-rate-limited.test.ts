import { afterEach, describe, expect, it } from "vitest";
import { call, signUp, TEST_PASSWORD } from "../utils/auth.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

describe("sign-in rate limits", () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
    removeDataDir(server.dataDir);
  });
  const login = (email: string, password: string) =>
    call(server, "POST", "/api/auth/login", { body: { email, password } });

  it("after 10 failed sign-ins an account refuses even the right password for a while", async () => {
    server = await startTestServer();
    const victim = await signUp(server);
    const bystander = await signUp(server);
    for (let i = 0; i < 10; i++) {
      expect((await login(victim.user.email, `Wrong-password-${i}`)).status).toBe(401);
    }
    const limited = await login(victim.user.email, TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { id: "rate_limited" } });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await login(bystander.user.email, TEST_PASSWORD)).status).toBe(200);

    const audit = await server.api<{
      entries: { type: string; details: Record<string, unknown> }[];
    }>("GET", "/api/admin/audit?limit=50");
    const types = audit.body.entries.map((e) => e.type);
    expect(types.filter((t) => t === "login_failed")).toHaveLength(10);
    expect(types).toContain("rate_limited");
    expect(JSON.stringify(audit.body)).not.toContain("Wrong-password");
  });

  it("one address trying many accounts is limited too", async () => {
    server = await startTestServer();
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++)
      statuses.push((await login(`guess-${i}@example.com`, "Nope-nope-1")).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
  });

  it("sign-ups are limited per address", async () => {
    server = await startTestServer({}, { account: false });
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await call(server, "POST", "/api/auth/signup", {
        body: { email: "bad", password: "x", name: "x" },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });
});
