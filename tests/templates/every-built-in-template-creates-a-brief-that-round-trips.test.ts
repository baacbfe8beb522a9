import { describe, expect, it } from "vitest";
import { docToJSON, jsonToDoc } from "../../server/briefs/doc-json.ts";
import { buildInitialDoc } from "../../server/briefs/initial-doc.ts";
import { readMeta } from "../../server/collab/meta.ts";
import { BODY_FIELD, editorSchema } from "../../server/schema/editor.ts";
import { loadBuiltInTemplates } from "../../server/templates/builtins.ts";
import { sampleArticle } from "../briefs/fixtures/sample-article.ts";
import { BUILT_IN_DIR } from "./fixtures/test-registry.ts";

const { templates } = await loadBuiltInTemplates(BUILT_IN_DIR);
const cases = templates.flatMap(({ template }) => [
  [template.id, "blank", template, false] as const,
  [template.id, "drafted", template, true] as const,
]);

describe("a brief from each built-in template", () => {
  it.each(cases)(
    "%s (%s) round-trips unchanged: Y.Doc → ProseMirror JSON → Y.Doc",
    (_id, _mode, template, draft) => {
      const doc = buildInitialDoc({
        title: "Round trip",
        template,
        articles: [sampleArticle()],
        draft,
      });
      const json = docToJSON(doc);
      expect(() => editorSchema.nodeFromJSON(json).check()).not.toThrow();

      const again = jsonToDoc(json);
      expect(docToJSON(again)).toEqual(json);
      expect(again.getXmlFragment(BODY_FIELD).toString()).toBe(
        doc.getXmlFragment(BODY_FIELD).toString(),
      );
      expect(readMeta(doc).templateId).toBe(template.id);
    },
  );

  it.each(templates.map((b) => [b.template.id, b.template] as const))(
    "%s starts with one heading per section, in order and at its level",
    (_id, template) => {
      const json = docToJSON(buildInitialDoc({ title: "T", template }));
      const headings = (json.content ?? []).filter((n) => n.type === "heading");
      expect(headings.map((h) => [h.content?.[0]?.text, h.attrs?.level])).toEqual(
        template.sections.map((s) => [s.heading, s.level]),
      );
    },
  );
});
