import { describe, expect, it } from "vitest";
import { docToJSON } from "../../server/briefs/doc-json.ts";
import { buildInitialDoc } from "../../server/briefs/initial-doc.ts";
import { readMeta } from "../../server/collab/meta.ts";
import { buildTemplate } from "../utils/factories.ts";

const now = new Date(2024, 9, 25, 12);

describe("a new brief", () => {
  it("holds the template id and field values, defaults applied, in its meta map", () => {
    const template = buildTemplate();
    const doc = buildInitialDoc({
      title: "Troops",
      template,
      fields: { author: "J. Analyst" },
      now,
    });
    expect(readMeta(doc)).toEqual({
      title: "Troops",
      templateId: template.id,
      fields: { classification: "OFFICIAL", author: "J. Analyst", date: "2024-10-25" },
    });
  });

  it("has each section's heading at its level followed by its guidance", () => {
    const doc = buildInitialDoc({ title: "Troops", template: buildTemplate(), now });
    expect(docToJSON(doc).content).toEqual([
      { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Summary" }] },
      { type: "paragraph", content: [{ type: "text", text: "The point in two sentences." }] },
      { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Voices" }] },
      { type: "paragraph", content: [{ type: "text", text: "What people said." }] },
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Next steps" }] },
      { type: "paragraph" },
    ]);
  });

  it("is not drafted unless asked, even with articles chosen", () => {
    const template = buildTemplate();
    const plain = buildInitialDoc({ title: "T", template, now });
    const withArticles = buildInitialDoc({ title: "T", template, articles: [], draft: false, now });
    expect(docToJSON(withArticles)).toEqual(docToJSON(plain));
  });

  it("is blank without a template: no template id, no fields, one empty paragraph", () => {
    const doc = buildInitialDoc({ title: "Scratch", now });
    expect(readMeta(doc)).toEqual({ title: "Scratch", templateId: null, fields: {} });
    expect(docToJSON(doc)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });
});
