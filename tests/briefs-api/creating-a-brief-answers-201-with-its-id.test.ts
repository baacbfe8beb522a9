import { afterAll, beforeAll, expect, it } from "vitest";
import { BriefId } from "../../server/schema/brief.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

it("POST /api/briefs {title} answers 201 with the brief, its id at the top level", async () => {
  const res = await server.api<{ id: string; title: string; doc: unknown; createdAt: string }>(
    "POST",
    "/api/briefs",
    { title: "  Water policy  " },
  );
  expect(res.status).toBe(201);
  expect(BriefId.safeParse(res.body.id).success).toBe(true);
  expect(res.body.title).toBe("Water policy");
  expect(res.body.doc).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  expect(Number.isNaN(Date.parse(res.body.createdAt))).toBe(false);

  const again = await server.api<{ id: string; title: string }>(
    "GET",
    `/api/briefs/${res.body.id}`,
  );
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ id: res.body.id, title: "Water policy" });
});

it("two briefs get different ids", async () => {
  const a = await server.api<{ id: string }>("POST", "/api/briefs", { title: "Same" });
  const b = await server.api<{ id: string }>("POST", "/api/briefs", { title: "Same" });
  expect(a.body.id).not.toBe(b.body.id);
});
