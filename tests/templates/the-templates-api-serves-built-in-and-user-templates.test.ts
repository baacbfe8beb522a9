import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInitialDoc } from "../../server/briefs/initial-doc.ts";
import type { TemplateInfo } from "../../server/schema/template.ts";
import { templateInput } from "../utils/factories.ts";
import { startTemplatesServer } from "./fixtures/templates-server.ts";

type ErrorBody = { error: { id: string; message: string } };
let server: Awaited<ReturnType<typeof startTemplatesServer>>;
beforeAll(async () => {
  server = await startTemplatesServer();
});
afterAll(() => server.close());

describe("the templates API", () => {
  it("lists the built-ins and answers one by id", async () => {
    const list = await server.json<TemplateInfo[]>("GET", "/api/templates");
    expect(list.status).toBe(200);
    expect(list.body.filter((t) => t.builtIn).map((t) => t.id)).toEqual([
      "decision-memo",
      "intelligence-assessment",
      "policy-brief",
      "situation-report",
    ]);
    const one = await server.json<TemplateInfo>("GET", "/api/templates/policy-brief");
    expect(one.body).toMatchObject({
      id: "policy-brief",
      builtIn: true,
      style: { header: "{{classification}}" },
    });
    expect((await server.json<ErrorBody>("GET", "/api/templates/nope")).status).toBe(404);
  });

  it("creates a user template from JSON with 201 and its id at the top level", async () => {
    const created = await server.json<TemplateInfo>(
      "POST",
      "/api/templates",
      templateInput({ id: "api-note" }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: "api-note", builtIn: false });
    expect((await server.json("GET", "/api/templates/api-note")).status).toBe(200);
  });

  it("refuses an invalid template with a 400 naming the field and stores nothing", async () => {
    const input = templateInput({ id: "broken", sections: [{ guidance: "no heading" }] });
    const res = await server.json<ErrorBody>("POST", "/api/templates", input);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      id: "invalid_template",
      message: "sections.0.heading: a section needs a heading",
    });
    expect((await server.json("GET", "/api/templates/broken")).status).toBe(404);
  });

  it("answers 403 with a clear message to changing or deleting a built-in", async () => {
    const put = await server.json<ErrorBody>(
      "PUT",
      "/api/templates/policy-brief",
      templateInput({ id: "policy-brief" }),
    );
    expect(put.status).toBe(403);
    expect(put.body.error.id).toBe("template_read_only");
    expect(put.body.error.message).toMatch(/built in and read-only/);
    expect((await server.json("DELETE", "/api/templates/policy-brief")).status).toBe(403);
    expect((await server.json("GET", "/api/templates/policy-brief")).status).toBe(200);
  });

  it("replaces and deletes a user template", async () => {
    await server.json("POST", "/api/templates", templateInput({ id: "api-edit" }));
    const put = await server.json<TemplateInfo>(
      "PUT",
      "/api/templates/api-edit",
      templateInput({ id: undefined, name: "Edited" }),
    );
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: "api-edit", name: "Edited", version: 2 });
    expect((await server.json("DELETE", "/api/templates/api-edit")).status).toBe(204);
    expect((await server.json("GET", "/api/templates/api-edit")).status).toBe(404);
  });

  it("saves a brief's structure, fields and style as a new template", async () => {
    const original = (await server.registry.get("decision-memo"))!;
    server.briefs.set("brief1", buildInitialDoc({ title: "Memo", template: original }));
    const res = await server.json<TemplateInfo>("POST", "/api/templates", {
      fromBriefId: "brief1",
      name: "Memo, our way",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: "memo-our-way", name: "Memo, our way", builtIn: false });
    expect([res.body.sections, res.body.fields, res.body.style]).toEqual([
      original.sections,
      original.fields,
      original.style,
    ]);
    const missing = await server.json<ErrorBody>("POST", "/api/templates", {
      fromBriefId: "nobrief",
      name: "X",
    });
    expect(missing.status).toBe(404);

    // A name already taken, a built-in's included and whatever its case, is refused.
    for (const name of ["Memo, our way", "policy BRIEF"]) {
      const again = await server.json<ErrorBody>("POST", "/api/templates", {
        fromBriefId: "brief1",
        name,
      });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(/^name: there is already a template called "/);
    }
  });
});
