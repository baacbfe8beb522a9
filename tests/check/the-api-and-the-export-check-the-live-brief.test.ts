import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Article } from "../../server/schema/article.ts";
import type { CheckResult } from "../../server/schema/check.ts";
import { call } from "../utils/auth.ts";
import { type Client, connectClient, eventually, synced } from "../utils/clients.ts";
import { docxParts, textOf } from "../utils/docx-xml.ts";
import { startTestServer, type TestServer } from "../utils/server.ts";

const SAMPLE = readFileSync(
  new URL("../../seeds/north-korea-troops-russia.txt", import.meta.url),
  "utf8",
);

/** The first snippet blockquote of a live document, and its words. */
function firstQuote(doc: Y.Doc): { text: Y.XmlText; snippetId: string } {
  for (const node of doc.getXmlFragment("default").toArray()) {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== "blockquote") continue;
    const snippetId = node.getAttribute("snippetId");
    const paragraph = node.get(0);
    if (!snippetId || !(paragraph instanceof Y.XmlElement)) continue;
    const text = paragraph.get(0);
    if (text instanceof Y.XmlText) return { text, snippetId };
  }
  throw new Error("the drafted brief has no snippet blockquote");
}

describe("the source check of a live brief", () => {
  let server: TestServer;
  let client: Client;
  let briefId: string;
  let original: string;

  const check = async () =>
    (await server.api<CheckResult>("GET", `/api/briefs/${briefId}/check`)).body;
  const exportDocx = (query = "") =>
    fetch(`${server.url}/api/briefs/${briefId}/export.docx${query}`, {
      headers: { authorization: `Bearer ${server.token}` },
    });

  beforeAll(async () => {
    server = await startTestServer();
    const article = await server.api<Article>("POST", "/api/articles", { text: SAMPLE });
    expect(article.status).toBe(201);
    const brief = await server.api<{ id: string }>("POST", "/api/briefs", {
      title: "Troops",
      templateId: "policy-brief",
      articleIds: [article.body.id],
      draft: true,
    });
    expect(brief.status).toBe(201);
    briefId = brief.body.id;
    client = connectClient(server.wsUrl, briefId);
    await synced(client.provider);
    original = firstQuote(client.doc).text.toString();
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
  });

  it("finds nothing wrong in a brief drafted from the sample, and exports it", async () => {
    const result = await check();
    expect(result.problems).toEqual([]);
    expect(result.coverage.brief.factual).toBeGreaterThan(0);
    expect((await exportDocx()).status).toBe(200);
  });

  it("finds a quote altered by a collaborator, and the export refuses it until told to proceed", async () => {
    const { text, snippetId } = firstQuote(client.doc);
    const altered = `${original} Or so we hope.`;
    client.doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, altered);
    });
    await eventually(async () => (await check()).problems.length > 0, 5000, "the alteration");
    const [problem, ...rest] = (await check()).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      kind: "altered",
      snippetId,
      expected: original,
      found: altered,
    });

    const refused = await exportDocx();
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { id: string; message: string } };
    expect(body.error.id).toBe("source_problems");
    expect(body.error.message).toContain("1 altered quotation(s)");

    const forced = await exportDocx("?proceed=true");
    expect(forced.status).toBe(200);
    const words = textOf(
      docxParts(new Uint8Array(await forced.arrayBuffer()))["word/document.xml"]!,
    );
    expect(words).toContain(altered);
    expect(words).toContain(`Source check: altered quotation. The source reads: “${original}”.`);
  });

  it("adds an evidence annex after the sources when asked", async () => {
    const { text } = firstQuote(client.doc);
    client.doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, original);
    });
    await eventually(async () => (await check()).problems.length === 0, 5000, "the restore");
    const res = await exportDocx("?annex=true");
    expect(res.status).toBe(200);
    const lines = textOf(
      docxParts(new Uint8Array(await res.arrayBuffer()))["word/document.xml"]!,
    ).split("\n");
    const annex = lines.indexOf("Evidence annex");
    expect(annex).toBeGreaterThan(lines.indexOf("Sources"));
    // The quote, then the source paragraph that holds it, then where it is in the article.
    const quoteAt = lines.findIndex((line, i) => i > annex && line.startsWith(`“${original}”`));
    expect(quoteAt).toBeGreaterThan(annex);
    expect(lines[quoteAt + 1]).toContain(original);
    expect(lines[quoteAt + 2]).toMatch(/^Paragraph \d+ of /);
    expect(lines.slice(0, annex).join("\n")).not.toContain("Source check:");
  });

  it("refuses a bad query and an unknown brief with clear errors", async () => {
    const bad = await exportDocx("?proceed=maybe");
    expect(bad.status).toBe(400);
    const missing = await call(server, "GET", "/api/briefs/nope0000000000000000/check", {
      token: server.token,
    });
    expect(missing.status).toBe(404);
  });
});

describe("a template's minimum source coverage", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("makes the export ask before going below it", async () => {
    const template = await server.api<{ id: string }>("POST", "/api/templates", {
      name: "Strict sourcing",
      minCoverage: 0.5,
      sections: [{ heading: "Summary" }],
    });
    expect(template.status).toBe(201);
    const brief = await server.api<{ id: string }>("POST", "/api/briefs", {
      title: "Uncited",
      templateId: template.body.id,
    });
    const client = connectClient(server.wsUrl, brief.body.id);
    try {
      await synced(client.provider);
      const para = new Y.XmlElement("paragraph");
      para.insert(0, [new Y.XmlText("Pyongyang sent 12,000 soldiers to Kursk in October 2024.")]);
      client.doc.getXmlFragment("default").push([para]);
      const url = `${server.url}/api/briefs/${brief.body.id}/export.docx`;
      const headers = { authorization: `Bearer ${server.token}` };
      await eventually(
        async () => (await fetch(url, { headers })).status === 409,
        5000,
        "the uncited sentence to count",
      );
      const refused = (await (await fetch(url, { headers })).json()) as {
        error: { id: string; message: string };
      };
      expect(refused.error.id).toBe("coverage_below_minimum");
      expect(refused.error.message).toContain("at least 50%");
      expect((await fetch(`${url}?proceed=1`, { headers })).status).toBe(200);
    } finally {
      client.destroy();
    }
  });
});
