import { afterAll, beforeAll, expect, it } from "vitest";
import { bearer } from "../utils/auth.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

const count = async () =>
  (await server.api<{ briefs: unknown[] }>("GET", "/api/briefs")).body.briefs.length;

it.each([
  ["no title", {}, "title"],
  ["a blank title", { title: "   " }, "title"],
  ["a title that is not a string", { title: 42 }, "title"],
  ["a title over 300 characters", { title: "x".repeat(301) }, "title"],
  ["an unknown field", { title: "Fine", colour: "red" }, "colour"],
  ["fields that are not strings", { title: "Fine", fields: { date: 5 } }, "fields"],
])(
  "POST /api/briefs with %s is a 400 naming the field, and creates nothing",
  async (_what, body, field) => {
    const before = await count();
    const res = await server.api<{ error: { id: string; message: string } }>(
      "POST",
      "/api/briefs",
      body,
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { id: "invalid_json", message: expect.stringContaining(field) },
    });
    expect(await count()).toBe(before);
  },
);

it("a body that is not JSON is a 400 with an error body", async () => {
  const before = await count();
  const res = await fetch(`${server.url}/api/briefs`, {
    method: "POST",
    // Signed in, so the answer is about the body, not the caller.
    headers: { ...bearer(server.token!), "content-type": "application/json" },
    body: "{ not json",
  });
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({
    error: { id: expect.any(String), message: expect.any(String) },
  });
  expect(await count()).toBe(before);
});

it("PATCH /api/briefs/:id with an empty title is a 400 and leaves the title alone", async () => {
  const { id } = (await server.api<{ id: string }>("POST", "/api/briefs", { title: "Kept" })).body;
  const res = await server.api<{ error: { id: string } }>("PATCH", `/api/briefs/${id}`, {
    title: "",
  });
  expect(res.status).toBe(400);
  expect(res.body.error.id).toBe("invalid_json");
  expect((await server.api<{ title: string }>("GET", `/api/briefs/${id}`)).body.title).toBe("Kept");
});
