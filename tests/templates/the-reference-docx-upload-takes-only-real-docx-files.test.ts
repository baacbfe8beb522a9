import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCX_MEDIA_TYPE, MAX_REFERENCE_DOCX_BYTES } from "../../server/templates/docx-check.ts";
import { templateInput } from "../utils/factories.ts";
import { realDocx } from "./fixtures/docx-files.ts";
import { startTemplatesServer } from "./fixtures/templates-server.ts";

let server: Awaited<ReturnType<typeof startTemplatesServer>>;
beforeAll(async () => {
  server = await startTemplatesServer();
  await server.json("POST", "/api/templates", templateInput({ id: "house" }));
});
afterAll(() => server.close());

const upload = (id: string, body: BodyInit, type?: string) =>
  fetch(`${server.url}/api/templates/${id}/reference-docx`, {
    method: "POST",
    body,
    ...(type ? { headers: { "content-type": type } } : {}),
  });
const form = (bytes: Uint8Array, name = "house.docx") => {
  const data = new FormData();
  data.set("file", new File([bytes.slice()], name, { type: DOCX_MEDIA_TYPE }));
  return data;
};

describe("uploading a reference .docx", () => {
  it("accepts a real .docx as multipart and as a raw body, and serves it back", async () => {
    const docx = await realDocx();
    const multipart = await upload("house", form(docx));
    expect(multipart.status).toBe(200);
    expect(await multipart.json()).toMatchObject({ id: "house", referenceDocx: "reference.docx" });
    expect((await upload("house", docx.slice(), DOCX_MEDIA_TYPE)).status).toBe(200);
    const back = await fetch(`${server.url}/api/templates/house/reference-docx`);
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(docx);
  });

  it("refuses a file that is not a .docx with a 400 naming the file field", async () => {
    const res = await upload(
      "house",
      form(new TextEncoder().encode("%PDF-1.7 not word"), "house.pdf"),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { id: "invalid_docx", message: expect.stringMatching(/^file: /) },
    });
  });

  it("refuses a multipart form without the file field and an unknown media type", async () => {
    const empty = new FormData();
    empty.set("other", "x");
    expect((await upload("house", empty)).status).toBe(400);
    expect((await upload("house", "hello", "text/plain")).status).toBe(415);
  });

  it("refuses an upload over 5 MB with 413", async () => {
    const big = new Uint8Array(MAX_REFERENCE_DOCX_BYTES + 1024);
    expect((await upload("house", big, DOCX_MEDIA_TYPE)).status).toBe(413);
    expect((await upload("house", form(big))).status).toBe(413);
  });

  it("answers 403 for a built-in template and 404 for none", async () => {
    const docx = await realDocx();
    expect((await upload("policy-brief", form(docx))).status).toBe(403);
    expect((await upload("no-such", form(docx))).status).toBe(404);
  });
});
