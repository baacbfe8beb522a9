import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Article } from "../../server/schema/article.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

let site: Server;
let page: string;
let server: TestServer;

beforeAll(async () => {
  site = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
      `<html><head><title>Council approves flood plan</title></head><body><article>
        <h1>Council approves flood plan</h1>
        <p>The council approved a plan worth €40 million on Tuesday.</p>
        <p>"We cannot wait for the next flood," said Mayor Ana Silva.</p>
      </article></body></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  page = `http://127.0.0.1:${(site.address() as AddressInfo).port}/flood`;
  server = await startTestServer({ ALLOW_PRIVATE_URLS: "true" });
});
afterAll(async () => {
  await server.close();
  removeDataDir(server.dataDir);
  await new Promise<void>((resolve) => site.close(() => resolve()));
});

it("importing a page already imported answers with the article the team has, not a copy", async () => {
  const first = await server.api<Article>("POST", "/api/articles", { url: page });
  expect(first.status).toBe(201);
  const again = await server.api<Article>("POST", "/api/articles", { url: page });
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(first.body.id);
  const { body } = await server.api<{ articles: { id: string }[] }>("GET", "/api/articles");
  const copies = (
    await Promise.all(body.articles.map((a) => server.api<Article>("GET", `/api/articles/${a.id}`)))
  ).filter((r) => r.body.source?.url === page);
  expect(copies).toHaveLength(1);
});
