import { beforeAll, describe, expect, it } from "vitest";
import { docToJSON } from "../../server/briefs/doc-json.ts";
import { buildInitialDoc } from "../../server/briefs/initial-doc.ts";
import type { PMNode } from "../../server/schema/brief.ts";
import type { Template } from "../../server/schema/template.ts";
import { loadBuiltInTemplates } from "../../server/templates/builtins.ts";
import { citedSnippetIds, sectionBlocks, textOf } from "./fixtures/doc-helpers.ts";
import { SAMPLE_ARTICLE_ID, sampleArticle } from "./fixtures/sample-article.ts";

let templates: Map<string, Template>;
beforeAll(async () => {
  const { templates: loaded } = await loadBuiltInTemplates("templates");
  templates = new Map(loaded.map((b) => [b.template.id, b.template]));
});

function draft(templateId: string): PMNode {
  const template = templates.get(templateId);
  return docToJSON(
    buildInitialDoc({ title: "NK troops", template, articles: [sampleArticle()], draft: true }),
  );
}

describe("a policy brief drafted from the sample article", () => {
  it("lists the first four facts as cited bullets under Key points", () => {
    const [guidance, list, ...rest] = sectionBlocks(draft("policy-brief"), "Key points");
    expect(guidance?.type).toBe("paragraph");
    expect(list?.type).toBe("bulletList");
    expect(rest).toEqual([]);
    expect(citedSnippetIds([list!])).toEqual(["f-troops", "f-deal", "f-armistice", "f-video"]);
    expect(textOf(list!.content![2]!)).toBe(
      "North and South Korea remain technically at war as the 1950 to 1953 conflict ended with an armistice, not a peace deal.",
    );
  });

  it("puts the next fact, unused so far, as a cited sentence under Background", () => {
    const [, ...drafted] = sectionBlocks(draft("policy-brief"), "Background");
    expect(drafted.map((b) => b.type)).toEqual(["paragraph"]);
    expect(drafted[0]!.content).toEqual([
      {
        type: "text",
        text: sampleArticle().paragraphs[21],
        marks: [
          { type: "citation", attrs: { snippetId: "f-china", articleId: SAMPLE_ARTICLE_ID } },
        ],
      },
    ]);
  });

  it("quotes the first three speakers under Analysis, each blockquote naming its speaker", () => {
    const [, ...quotes] = sectionBlocks(draft("policy-brief"), "Analysis");
    expect(quotes.map((q) => q.attrs)).toEqual([
      {
        snippetId: "q-hong",
        speaker: "Hong Min",
        speakerRole: "a senior analyst at the Korea Institute for National Unification",
        articleId: SAMPLE_ARTICLE_ID,
      },
      {
        snippetId: "q-lee",
        speaker: "Lee Sang-min",
        speakerRole: "a researcher at Korea Institute for Defense Analyses",
        articleId: SAMPLE_ARTICLE_ID,
      },
      {
        snippetId: "q-tikhonov-manpower",
        speaker: "Vladimir Tikhonov",
        speakerRole: "professor of Korea studies at the University of Oslo",
        articleId: SAMPLE_ARTICLE_ID,
      },
    ]);
    expect(quotes.every((q) => q.type === "blockquote")).toBe(true);
    expect(textOf(quotes[0]!)).toMatch(/^This establishes a framework/);
  });

  it("leaves sections without a rule with their guidance only", () => {
    for (const heading of ["Policy options", "Recommendations", "Sources"]) {
      expect(sectionBlocks(draft("policy-brief"), heading)).toHaveLength(1);
    }
  });
});

describe("an intelligence assessment drafted from the sample article", () => {
  it("cites facts in the Discussion and quotes experts in its subsection", () => {
    const doc = draft("intelligence-assessment");
    const [, ...discussion] = sectionBlocks(doc, "Discussion");
    expect(citedSnippetIds(discussion)).toEqual(["f-troops", "f-deal", "f-armistice", "f-video"]);
    const [, ...views] = sectionBlocks(doc, "Reporting and expert views");
    expect(views.map((q) => [q.type, q.attrs?.speaker])).toEqual([
      ["blockquote", "Hong Min"],
      ["blockquote", "Lee Sang-min"],
      ["blockquote", "Vladimir Tikhonov"],
    ]);
  });
});
