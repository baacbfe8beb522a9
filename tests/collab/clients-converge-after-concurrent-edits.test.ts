import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendParagraph,
  type Client,
  connectClient,
  eventually,
  synced,
} from "../utils/clients.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
});

async function newBrief(): Promise<string> {
  const res = await server.api<{ id: string }>("POST", "/api/briefs", { title: "Converge" });
  return res.body.id;
}

describe.each([2, 20])("%i stock y-websocket clients", (n) => {
  it("converge on the same body after concurrent edits", async () => {
    const id = await newBrief();
    const clients: Client[] = Array.from({ length: n }, () => connectClient(server.wsUrl, id));
    await Promise.all(clients.map((c) => synced(c.provider)));
    const start = clients[0]!.doc.getXmlFragment("default").length;
    clients.forEach((c, i) => {
      for (let k = 0; k < 5; k++) appendParagraph(c.doc, `client ${i} line ${k}`);
    });
    const expected = start + n * 5;
    await eventually(
      () => clients.every((c) => c.doc.getXmlFragment("default").length === expected),
      10_000,
      "every client to see every paragraph",
    );
    const texts = clients.map((c) => c.text());
    expect(new Set(texts).size).toBe(1);
    for (let i = 0; i < n; i++) expect(texts[0]).toContain(`client ${i} line 4`);

    const fresh = connectClient(server.wsUrl, id);
    await synced(fresh.provider);
    expect(fresh.text()).toBe(texts[0]);
    for (const c of [...clients, fresh]) c.destroy();
  });
});
