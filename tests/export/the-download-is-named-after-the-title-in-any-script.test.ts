import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../utils/server.ts";

/** The Content-Disposition of a brief's .docx download, for a brief with this title. */
async function disposition(server: TestServer, title: string): Promise<string> {
  const brief = await server.api<{ id: string }>("POST", "/api/briefs", { title });
  expect(brief.status).toBe(201);
  const res = await fetch(`${server.url}/api/briefs/${brief.body.id}/export.docx`, {
    headers: { authorization: `Bearer ${server.token}` },
  });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  return res.headers.get("content-disposition") ?? "";
}

/** The name a client reading RFC 6266's `filename*` saves the file under. */
function utf8Name(header: string): string {
  const encoded = /filename\*=UTF-8''([^;\s]+)/.exec(header)?.[1];
  expect(encoded, header).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  return decodeURIComponent(encoded!);
}

describe("the downloaded .docx", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("keeps an accented title in filename*, with the accents dropped in filename", async () => {
    const header = await disposition(server, "Rich brief Ünïcødé");
    expect(header).toBe(
      "attachment; filename=\"Rich brief Unicode.docx\"; filename*=UTF-8''Rich%20brief%20%C3%9Cn%C3%AFc%C3%B8d%C3%A9.docx",
    );
    expect(utf8Name(header)).toBe("Rich brief Ünïcødé.docx");
  });

  it("keeps a Japanese title in filename*, with brief.docx for clients limited to ASCII", async () => {
    const header = await disposition(server, "日本の報告書");
    expect(header).toMatch(/^attachment; filename="brief\.docx"; filename\*=UTF-8''/);
    expect(utf8Name(header)).toBe("日本の報告書.docx");
  });

  it("leaves out characters no file name may hold, in both names", async () => {
    const header = await disposition(server, 'Energy: "Q3" outlook / risks <draft> | v2?*\u0007');
    expect(header).toBe(
      "attachment; filename=\"Energy Q3 outlook risks draft v2.docx\"; filename*=UTF-8''Energy%20Q3%20outlook%20risks%20draft%20v2.docx",
    );
  });
});
