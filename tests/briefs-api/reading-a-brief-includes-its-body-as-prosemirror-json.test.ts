import { afterAll, beforeAll, expect, it } from "vitest";
import type * as Y from "yjs";
import type { PMNode } from "../../server/schema/brief.ts";
import { appendParagraph, connectClient, eventually, synced } from "../utils/clients.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

/** What the test types after whatever body the new brief starts with. */
const TYPED: PMNode[] = [
  { type: "paragraph", content: [{ type: "text", text: "Findings" }] },
  {
    type: "paragraph",
    content: [
      { type: "text", text: "Rivers are ", marks: [] },
      { type: "text", text: "low", marks: [{ type: "bold" }] },
    ],
  },
];

/** ProseMirror text nodes carry `marks` only when they have some. */
function normalise(node: PMNode): PMNode {
  const { marks, content, ...rest } = node;
  return {
    ...rest,
    ...(marks?.length ? { marks: marks.map((m) => ({ type: m.type })) } : {}),
    ...(content ? { content: content.map(normalise) } : {}),
  };
}

it("GET /api/briefs/:id includes `doc`, the body edited over the socket, live and after a restart", async () => {
  const { id } = (await server.api<{ id: string }>("POST", "/api/briefs", { title: "Rivers" }))
    .body;
  const editor = connectClient(server.wsUrl, id);
  const watcher = connectClient(server.wsUrl, id);
  await Promise.all([synced(editor.provider), synced(watcher.provider)]);
  const blank = await server.api<{ doc: PMNode }>("GET", `/api/briefs/${id}`);
  const expected: PMNode = { type: "doc", content: [...(blank.body.doc.content ?? []), ...TYPED] };
  const start = editor.doc.getXmlFragment("default").length;
  expect(blank.body.doc.content ?? []).toHaveLength(start);
  appendParagraph(editor.doc, "Findings");
  appendParagraph(editor.doc, "Rivers are low");
  const second = editor.doc.getXmlFragment("default").get(start + 1) as Y.XmlElement;
  (second.get(0) as Y.XmlText).format(11, 3, { bold: {} });
  await eventually(() =>
    watcher.doc.getXmlFragment("default").toString().includes("<bold>low</bold>"),
  );

  const live = await server.api<{ id: string; title: string; doc: PMNode }>(
    "GET",
    `/api/briefs/${id}`,
  );
  expect(live.status).toBe(200);
  expect(live.body.title).toBe("Rivers");
  expect(normalise(live.body.doc)).toEqual(normalise(expected));

  editor.destroy();
  watcher.destroy();
  await server.close();
  server = await startTestServer({}, { dataDir: server.dataDir });
  const stored = await server.api<{ doc: PMNode }>("GET", `/api/briefs/${id}`);
  expect(normalise(stored.body.doc)).toEqual(normalise(expected));
});

it("GET /api/briefs/:id for an unknown id is a 404 with an error body", async () => {
  const res = await server.api("GET", "/api/briefs/nosuchbrief");
  expect(res.status).toBe(404);
  expect(res.body).toEqual({ error: { id: "brief_not_found", message: expect.any(String) } });
});
