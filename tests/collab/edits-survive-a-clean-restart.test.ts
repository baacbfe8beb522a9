import { afterAll, expect, it } from "vitest";
import type * as Y from "yjs";
import { appendParagraph, connectClient, eventually, synced } from "../utils/clients.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let server: TestServer | undefined;
afterAll(async () => {
  await server?.close();
  if (server) removeDataDir(server.dataDir);
});

const body = (doc: Y.Doc) => doc.getXmlFragment("default").toString();

it("edits survive a clean restart: body, deletions, marks and the brief's title", async () => {
  server = await startTestServer();
  const { id } = (await server.api<{ id: string }>("POST", "/api/briefs", { title: "Before" }))
    .body;
  const a = connectClient(server.wsUrl, id);
  const b = connectClient(server.wsUrl, id);
  await Promise.all([synced(a.provider), synced(b.provider)]);
  // The typed lines follow whatever body the new brief starts with.
  const start = a.doc.getXmlFragment("default").length;

  for (let i = 0; i < 10; i++) appendParagraph(i % 2 ? a.doc : b.doc, `line ${i}`);
  await eventually(
    () => b.doc.getXmlFragment("default").length === start + 10,
    5000,
    "b to see ten lines",
  );
  a.doc.getXmlFragment("default").delete(start + 3, 2);
  const first = (b.doc.getXmlFragment("default").get(start) as Y.XmlElement).get(0) as Y.XmlText;
  first.format(0, 4, { bold: {} });
  a.doc.getMap("meta").set("title", "After");
  await eventually(() => body(a.doc) === body(b.doc), 5000, "a and b to agree");
  await eventually(() => a.doc.getMap("meta").get("title") === b.doc.getMap("meta").get("title"));
  const expected = body(a.doc);
  expect(expected).toContain("<bold>line</bold>");
  expect(a.doc.getXmlFragment("default").length).toBe(start + 8);

  // The server goes down with both clients still connected.
  await server.close();
  a.destroy();
  b.destroy();
  server = await startTestServer({}, { dataDir: server.dataDir });

  const fresh = connectClient(server.wsUrl, id);
  await synced(fresh.provider);
  expect(body(fresh.doc)).toBe(expected);
  expect(fresh.doc.getMap("meta").get("title")).toBe("After");
  fresh.destroy();
  const got = await server.api<{ title: string }>("GET", `/api/briefs/${id}`);
  expect(got.body.title).toBe("After");
});
