import { afterAll, beforeAll, expect, it } from "vitest";
import { connectClient, eventually } from "../utils/clients.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

interface Listed {
  id: string;
  title: string;
  present: number;
}
const list = async () => (await server.api<{ briefs: Listed[] }>("GET", "/api/briefs")).body.briefs;

it("GET /api/briefs lists every brief, with how many people are in it", async () => {
  expect(await list()).toEqual([]);
  const ids: string[] = [];
  for (const title of ["First", "Second", "Third"]) {
    ids.push((await server.api<{ id: string }>("POST", "/api/briefs", { title })).body.id);
  }
  const listed = await list();
  expect(listed.map((b) => b.id).sort()).toEqual([...ids].sort());
  expect(listed.find((b) => b.id === ids[1])).toMatchObject({ title: "Second", present: 0 });

  const visitor = connectClient(server.wsUrl, ids[1]!);
  visitor.provider.awareness.setLocalStateField("user", { name: "Visitor" });
  // A watcher with no presence of its own: once it sees the visitor, the server has it too.
  const watcher = connectClient(server.wsUrl, ids[1]!, { connect: false });
  watcher.provider.awareness.setLocalState(null);
  watcher.provider.connect();
  await eventually(() => watcher.provider.awareness.getStates().has(visitor.doc.clientID));
  const during = await list();
  expect(during.find((b) => b.id === ids[1])!.present).toBe(1);
  expect(during.filter((b) => b.id !== ids[1]).map((b) => b.present)).toEqual([0, 0]);
  visitor.destroy();
  watcher.destroy();
});
