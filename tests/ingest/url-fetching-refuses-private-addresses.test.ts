import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchArticleUrl, isPrivateAddress } from "../../server/ingest/fetch-url.ts";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const hops = /^\/hop\/(\d+)$/.exec(req.url ?? "");
    if (hops) {
      const n = Number(hops[1]);
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : "/page" }).end();
    } else if (req.url === "/page")
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<p>Hello</p>");
    else if (req.url === "/text")
      res.writeHead(200, { "content-type": "text/plain" }).end("Plain words");
    else if (req.url === "/cp1252")
      // "€40" and curly quotes in windows-1252, declared only inside the page.
      res
        .writeHead(200, { "content-type": "text/html" })
        .end(
          Buffer.concat([
            Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'),
            Buffer.from([0x93, 0x80, 0x34, 0x30, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9]),
            Buffer.from("</p></body></html>"),
          ]),
        );
    else if (req.url === "/pdf")
      res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF");
    else if (req.url === "/big")
      res.writeHead(200, { "content-type": "text/html" }).end("x".repeat(50_000));
    else if (req.url === "/slow")
      setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end("late"), 2_000);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetching an article URL", () => {
  it("refuses loopback, private and link-local addresses", async () => {
    await expect(fetchArticleUrl(`${base}/page`)).rejects.toMatchObject({
      id: "url_not_allowed",
      status: 400,
    });
    await expect(fetchArticleUrl("http://[::1]:9/")).rejects.toMatchObject({
      id: "url_not_allowed",
    });
    await expect(fetchArticleUrl("http://169.254.169.254/latest/meta-data")).rejects.toMatchObject({
      id: "url_not_allowed",
    });
    await expect(fetchArticleUrl("file:///etc/passwd")).rejects.toMatchObject({
      id: "url_not_allowed",
    });
    for (const address of [
      "10.1.2.3",
      "192.168.0.1",
      "172.20.0.1",
      "::ffff:127.0.0.1",
      "fd00::1",
      "0.0.0.0",
      "100.64.0.1",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    expect(isPrivateAddress("93.184.216.34")).toBe(false);
  });

  it("follows up to five redirects, re-checking each", async () => {
    const page = await fetchArticleUrl(`${base}/hop/4`, { allowPrivate: true });
    expect(page).toEqual({ url: `${base}/page`, html: "<p>Hello</p>" });
    await expect(fetchArticleUrl(`${base}/hop/5`, { allowPrivate: true })).rejects.toMatchObject({
      id: "too_many_redirects",
    });
  });

  it("reads a page in the charset it declares inside, when the header names none", async () => {
    const page = await fetchArticleUrl(`${base}/cp1252`, { allowPrivate: true });
    expect(page.html).toContain("<p>“€40” café</p>");
  });

  it("accepts only HTML or plain text, within the size cap and timeout", async () => {
    expect(await fetchArticleUrl(`${base}/text`, { allowPrivate: true })).toMatchObject({
      text: "Plain words",
    });
    await expect(fetchArticleUrl(`${base}/pdf`, { allowPrivate: true })).rejects.toMatchObject({
      status: 415,
    });
    await expect(
      fetchArticleUrl(`${base}/big`, { allowPrivate: true, maxBytes: 10_000 }),
    ).rejects.toMatchObject({ status: 413 });
    await expect(
      fetchArticleUrl(`${base}/slow`, { allowPrivate: true, timeoutMs: 200 }),
    ).rejects.toMatchObject({ id: "url_timeout" });
  });
});
