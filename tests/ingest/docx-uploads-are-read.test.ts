import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeUpload } from "../../server/ingest/decode-upload.ts";
import { extractArticle } from "../../server/ingest/extract.ts";
import { bearer } from "../utils/auth.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

async function buildDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            text: "Harbour bridge to close for repairs",
            heading: HeadingLevel.HEADING_1,
          }),
          new Paragraph(
            "The city's main harbour bridge will close for six weeks from May 2, the transport department said on Friday.",
          ),
          new Paragraph({ text: "Diversions", heading: HeadingLevel.HEADING_2 }),
          new Paragraph(
            '"We know this is disruptive," said Amal Haddad, the department\'s director of roads. "The work cannot wait."',
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("a .docx upload", () => {
  it("is read with its title, headings and quotes", async () => {
    const input = await decodeUpload(await buildDocx(), "bridge.docx");
    const article = extractArticle(input);
    expect(article.title).toBe("Harbour bridge to close for repairs");
    expect(article.snippets.filter((s) => s.kind === "heading").map((s) => s.text)).toEqual([
      "Diversions",
    ]);
    const quotes = article.snippets.filter((s) => s.kind === "quote");
    expect(quotes.map((q) => [q.text, q.speaker, q.speakerRole])).toEqual([
      ["We know this is disruptive", "Amal Haddad", "department's director of roads"],
      ["The work cannot wait.", "Amal Haddad", "department's director of roads"],
    ]);
  });

  it("is refused when the bytes are not a Word document", async () => {
    await expect(
      decodeUpload(new TextEncoder().encode("plain text"), "fake.docx"),
    ).rejects.toMatchObject({ id: "unreadable_docx" });
  });

  describe("through the API", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => {
      await server.close();
      removeDataDir(server.dataDir);
    });

    const upload = async (bytes: Uint8Array, name: string, title?: string) => {
      const form = new FormData();
      form.set("file", new File([new Uint8Array(bytes)], name));
      if (title) form.set("title", title);
      const res = await fetch(`${server.url}/api/articles`, {
        method: "POST",
        headers: bearer(server.token!),
        body: form,
      });
      return { status: res.status, body: await res.json() };
    };

    it("comes back extracted, with the title given or the file's own", async () => {
      const own = await upload(await buildDocx(), "bridge.docx");
      expect(own.status).toBe(201);
      expect(own.body.title).toBe("Harbour bridge to close for repairs");
      expect(own.body.snippets).toContainEqual(
        expect.objectContaining({ kind: "quote", speaker: "Amal Haddad" }),
      );
      const given = await upload(await buildDocx(), "bridge.docx", "Bridge closure");
      expect([given.status, given.body.title]).toEqual([201, "Bridge closure"]);
    });

    it("is refused, with the reason, when it is not a Word document", async () => {
      const fake = await upload(new TextEncoder().encode("PK\u0003\u0004 not a zip"), "fake.docx");
      expect(fake.status).toBe(400);
      expect(fake.body.error.id).toBe("unreadable_docx");
      const binary = await upload(new Uint8Array([1, 2, 0, 3]), "notes.txt");
      expect([binary.status, binary.body.error.id]).toEqual([400, "binary_upload"]);
    });
  });
});
