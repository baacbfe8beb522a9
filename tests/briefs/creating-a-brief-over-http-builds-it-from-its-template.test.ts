import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BriefWithDoc } from "../../server/schema/brief.ts";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";
import { citedSnippetIds, sectionBlocks } from "./fixtures/doc-helpers.ts";
import { SAMPLE_ARTICLE_ID, sampleArticle } from "./fixtures/sample-article.ts";

type ErrorBody = { error: { id: string; message: string } };

describe("POST /api/briefs", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    // The sample article goes in through the store the server uses, so no extractor is involved.
    const store = openSqliteStore(server.dataDir);
    await store.articles.create(sampleArticle());
    await store.close();
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(server.dataDir);
  });

  it("builds a drafted brief from a template: fields in meta, quotes and citations in sections", async () => {
    const res = await server.api<BriefWithDoc>("POST", "/api/briefs", {
      title: "North Korean troops in Russia",
      templateId: "policy-brief",
      fields: { classification: "SECRET", author: "Eastern Europe desk" },
      articleIds: [SAMPLE_ARTICLE_ID],
      draft: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: "North Korean troops in Russia",
      templateId: "policy-brief",
      fields: {
        classification: "SECRET",
        author: "Eastern Europe desk",
        audience: "Senior officials",
      },
    });
    expect(res.body.fields.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [, ...quotes] = sectionBlocks(res.body.doc, "Analysis");
    expect(quotes.map((q) => q.attrs?.speaker)).toEqual([
      "Hong Min",
      "Lee Sang-min",
      "Vladimir Tikhonov",
    ]);
    expect(citedSnippetIds(sectionBlocks(res.body.doc, "Key points"))).toHaveLength(4);

    const again = await server.api<BriefWithDoc>("GET", `/api/briefs/${res.body.id}`);
    expect(again.body.doc).toEqual(res.body.doc);
  });

  it("refuses a field value the template does not allow, naming the field", async () => {
    const res = await server.api<ErrorBody>("POST", "/api/briefs", {
      title: "T",
      templateId: "policy-brief",
      fields: { classification: "COSMIC" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^fields\.classification: must be one of/);
  });

  it("refuses an unknown template or article, naming it", async () => {
    const template = await server.api<ErrorBody>("POST", "/api/briefs", {
      title: "T",
      templateId: "nope",
    });
    expect([template.status, template.body.error.message]).toEqual([
      400,
      'templateId: no template with id "nope"',
    ]);
    const article = await server.api<ErrorBody>("POST", "/api/briefs", {
      title: "T",
      articleIds: ["gone"],
    });
    expect([article.status, article.body.error.message]).toEqual([
      400,
      'articleIds.0: no article with id "gone"',
    ]);
  });

  it("makes a blank brief without a template", async () => {
    const res = await server.api<BriefWithDoc>("POST", "/api/briefs", { title: "Scratch" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      templateId: null,
      fields: {},
      doc: { type: "doc", content: [{ type: "paragraph" }] },
    });
  });
});
