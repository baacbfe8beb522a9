import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { docToJSON, jsonToDoc } from "../../server/briefs/doc-json.ts";
import { buildInitialDoc } from "../../server/briefs/initial-doc.ts";
import { readFields, writeMeta } from "../../server/collab/meta.ts";
import type { Template } from "../../server/schema/template.ts";
import { saveBriefAsTemplate } from "../../server/templates/save-brief.ts";
import { sampleArticle } from "../briefs/fixtures/sample-article.ts";
import { realDocx } from "./fixtures/docx-files.ts";
import { openTestRegistry } from "./fixtures/test-registry.ts";

let ctx: Awaited<ReturnType<typeof openTestRegistry>>;
beforeEach(async () => {
  ctx = await openTestRegistry();
});
afterEach(() => ctx.close());

const now = new Date(2024, 9, 25);
const structure = (t: Template) => ({ sections: t.sections, fields: t.fields, style: t.style });

describe("saving a brief as a template", () => {
  it("gives a template with the same structure, fields and style, and briefs made from it match", async () => {
    const original = (await ctx.registry.get("intelligence-assessment"))!;
    const brief = buildInitialDoc({
      title: "NK troops",
      template: original,
      articles: [sampleArticle()],
      draft: true,
      now,
    });

    const saved = await saveBriefAsTemplate(ctx.registry, brief, "Our assessment format");
    expect(saved).toMatchObject({
      id: "our-assessment-format",
      name: "Our assessment format",
      builtIn: false,
      version: 1,
    });
    expect(structure(saved)).toEqual(structure(original));
    expect(await ctx.registry.get(saved.id)).toEqual(saved);

    for (const draft of [false, true]) {
      const input = {
        title: "Again",
        articles: [sampleArticle()],
        draft,
        fields: { confidence: "High" },
        now,
      };
      const fromOriginal = buildInitialDoc({ ...input, template: original });
      const fromSaved = buildInitialDoc({ ...input, template: saved });
      expect(docToJSON(fromSaved)).toEqual(docToJSON(fromOriginal));
      expect(readFields(fromSaved)).toEqual(readFields(fromOriginal));
    }
  });

  it("takes the brief's edited headings as sections, keeping guidance only where it is unchanged", async () => {
    const original = (await ctx.registry.get("situation-report"))!;
    const body = docToJSON(buildInitialDoc({ title: "Sitrep", template: original, now }));
    const blocks = body.content!;
    blocks[3] = {
      type: "paragraph",
      content: [{ type: "text", text: "Two convoys crossed the border." }],
    };
    blocks.push({
      type: "heading",
      attrs: { level: 2 },
      content: [{ type: "text", text: "Annex: map" }],
    });
    const brief = jsonToDoc(body);
    writeMeta(brief, { title: "Sitrep", templateId: original.id, fields: {} });

    const saved = await saveBriefAsTemplate(ctx.registry, brief, "Sitrep with annex");
    expect(
      saved.sections.map((s) => [s.heading, s.level, s.guidance === "" ? "" : "kept"]),
    ).toEqual([
      ["Situation", 1, "kept"],
      ["Key developments", 1, ""],
      ["Assessment", 1, "kept"],
      ["Outlook", 1, "kept"],
      ["Annex: map", 2, ""],
    ]);
    expect(saved.sections[2]?.autofill).toEqual(original.sections[2]?.autofill);
    expect(saved.fields).toEqual(original.fields);
    expect(saved.style).toEqual(original.style);
  });

  it("carries over the reference .docx of the brief's template", async () => {
    const docx = await realDocx();
    const base = await ctx.registry.create({
      ...(await ctx.registry.get("decision-memo"))!,
      id: "memo-house-style",
      builtIn: undefined,
    });
    await ctx.registry.setReferenceDocx(base.id, docx);
    const brief = buildInitialDoc({
      title: "Memo",
      template: (await ctx.registry.get(base.id))!,
      now,
    });

    const saved = await saveBriefAsTemplate(ctx.registry, brief, "Memo copy");
    expect(saved.referenceDocx).toBe("reference.docx");
    expect(await ctx.registry.referenceDocx(saved.id)).toEqual(docx);
  });

  it("of a blank brief gives sections from its headings and no fields", async () => {
    const brief = jsonToDoc({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Preamble is not a section." }] },
        { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Findings" }] },
        { type: "heading", attrs: { level: 1 } },
      ],
    });
    const saved = await saveBriefAsTemplate(ctx.registry, brief, "Scratch");
    expect(saved.sections).toEqual([{ heading: "Findings", level: 1, guidance: "" }]);
    expect(saved.fields).toEqual([]);
  });
});
