import { afterAll, expect, it } from "vitest";
import type * as Y from "yjs";
import { appendParagraph, bodyLines, connectClient, eventually, synced } from "../utils/clients.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let server: TestServer | undefined;
afterAll(async () => {
  await server?.close();
  if (server) removeDataDir(server.dataDir);
});

const body = (doc: Y.Doc) => doc.getXmlFragment("default").toString();

it("a client that edited while the server was down merges its offline edits after the restart", async () => {
  server = await startTestServer();
  const { port, dataDir } = server;
  const { id } = (await server.api<{ id: string }>("POST", "/api/briefs", { title: "Offline" }))
    .body;
  const a = connectClient(server.wsUrl, id);
  const b = connectClient(server.wsUrl, id);
  await Promise.all([synced(a.provider), synced(b.provider)]);
  // The shared lines follow whatever body the new brief starts with.
  const initial = bodyLines(a.doc);
  const start = initial.length;
  for (let i = 0; i < 4; i++) appendParagraph(a.doc, `shared ${i}`);
  await eventually(
    () => b.doc.getXmlFragment("default").length === start + 4,
    5000,
    "b to see the shared lines",
  );

  await server.close();
  await eventually(
    () => !a.provider.wsconnected && !b.provider.wsconnected,
    5000,
    "both to notice",
  );

  // Both keep editing offline, including a deletion of a line the server already has.
  appendParagraph(a.doc, "a offline");
  a.doc.getXmlFragment("default").delete(start, 1);
  appendParagraph(b.doc, "b offline");
  const shared1 = b.doc.getXmlFragment("default").get(start + 1) as Y.XmlElement;
  (shared1.get(0) as Y.XmlText).insert(0, "b: ");

  // Same port, so the providers' own reconnect loop finds the restarted server.
  server = await startTestServer({ PORT: String(port) }, { dataDir });
  await Promise.all([synced(a.provider, 10_000), synced(b.provider, 10_000)]);
  await eventually(() => body(a.doc) === body(b.doc), 5000, "a and b to merge");
  const lines = bodyLines(a.doc);
  expect(lines.slice(0, start)).toEqual(initial);
  expect(lines.slice(start, start + 3)).toEqual(["b: shared 1", "shared 2", "shared 3"]);
  expect(lines.slice(start + 3).sort()).toEqual(["a offline", "b offline"]);

  // The server holds the merge, not just the two clients.
  a.destroy();
  b.destroy();
  const fresh = connectClient(server.wsUrl, id);
  await synced(fresh.provider);
  expect(body(fresh.doc)).toBe(body(b.doc));
  fresh.destroy();
});
