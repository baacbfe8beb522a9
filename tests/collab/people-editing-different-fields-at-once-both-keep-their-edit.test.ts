import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { readFields, writeFields } from "../../server/collab/meta.ts";
import { META_MAP } from "../../server/schema/editor.ts";
import { connectClient, eventually, synced } from "../utils/clients.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

it("keeps both of two field values set at the same moment by two people", async () => {
  const { body } = await server.api<{ id: string }>("POST", "/api/briefs", {
    title: "Fields",
    templateId: "policy-brief",
  });
  const a = connectClient(server.wsUrl, body.id);
  const b = connectClient(server.wsUrl, body.id);
  await Promise.all([synced(a.provider), synced(b.provider)]);

  // Neither has seen the other's edit when making their own.
  a.provider.disconnect();
  b.provider.disconnect();
  writeFields(a.doc, { author: "Ana" });
  writeFields(b.doc, { audience: "Ministers" });
  a.provider.connect();
  b.provider.connect();

  const both = (doc: Y.Doc) => {
    const f = readFields(doc);
    return f.author === "Ana" && f.audience === "Ministers";
  };
  await eventually(() => both(a.doc) && both(b.doc), 5000, "both values on both sides");
  const stored = await server.api<{ fields: Record<string, string> }>(
    "GET",
    `/api/briefs/${body.id}`,
  );
  expect(stored.body.fields).toMatchObject({ author: "Ana", audience: "Ministers" });
  a.destroy();
  b.destroy();
});

it("reads and upgrades the single object older briefs keep their fields in", () => {
  const doc = new Y.Doc();
  doc.getMap(META_MAP).set("fields", { author: "Old", classification: "OFFICIAL" });
  expect(readFields(doc)).toEqual({ author: "Old", classification: "OFFICIAL" });
  writeFields(doc, { author: "New" });
  expect(doc.getMap(META_MAP).get("fields")).toBeInstanceOf(Y.Map);
  expect(readFields(doc)).toEqual({ author: "New", classification: "OFFICIAL" });
});
