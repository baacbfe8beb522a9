import { afterAll, beforeAll, expect, it } from "vitest";
import { CloseCode } from "../../server/schema/protocol.ts";
import { appendParagraph, bodyLines, connectClient, eventually, synced } from "../utils/clients.ts";
import { closeCode, openRawSocket } from "../utils/raw-socket.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

it("DELETE /api/briefs/:id closes live sockets with 4404 and removes the brief", async () => {
  const { id } = (await server.api<{ id: string }>("POST", "/api/briefs", { title: "Doomed" }))
    .body;
  const keep = (await server.api<{ id: string }>("POST", "/api/briefs", { title: "Kept" })).body.id;
  const editor = connectClient(server.wsUrl, id);
  const bystander = connectClient(server.wsUrl, keep);
  const raw = openRawSocket(`${server.wsUrl}/${id}`);
  await Promise.all([synced(editor.provider), synced(bystander.provider), raw.opened]);
  appendParagraph(editor.doc, "soon gone");
  const editorClosed = new Promise<{ code: number }>((resolve) =>
    editor.provider.once("closed", resolve),
  );
  let bystanderCloses = 0;
  bystander.provider.on("connection-close", () => bystanderCloses++);

  const res = await server.api("DELETE", `/api/briefs/${id}`);
  expect(res.status).toBe(204);
  expect(await closeCode(raw)).toBe(CloseCode.NotFound);
  expect((await editorClosed).code).toBe(CloseCode.NotFound);

  expect((await server.api("GET", `/api/briefs/${id}`)).status).toBe(404);
  const listed = (await server.api<{ briefs: { id: string }[] }>("GET", "/api/briefs")).body.briefs;
  expect(listed.map((b) => b.id)).toEqual([keep]);
  const again = openRawSocket(`${server.wsUrl}/${id}`);
  expect(await closeCode(again)).toBe(CloseCode.NotFound);
  expect((await server.api("DELETE", `/api/briefs/${id}`)).status).toBe(404);

  // The other brief's room never noticed.
  const kept = [...bodyLines(bystander.doc), "still here"];
  appendParagraph(bystander.doc, "still here");
  const check = connectClient(server.wsUrl, keep);
  await synced(check.provider);
  await eventually(() => bodyLines(check.doc).length === kept.length, 5000, "the kept room's edit");
  expect(bodyLines(check.doc)).toEqual(kept);
  expect(bystanderCloses).toBe(0);
  for (const c of [editor, bystander, check]) c.destroy();
});
