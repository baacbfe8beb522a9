import { describe, expect, it } from "vitest";
import { loadBuiltInTemplates } from "../../server/templates/builtins.ts";
import { checkTemplate } from "../../server/templates/validate.ts";
import { BUILT_IN_DIR } from "./fixtures/test-registry.ts";

const { templates, problems } = await loadBuiltInTemplates(BUILT_IN_DIR);

describe("the built-in templates", () => {
  it("all load without problems", () => {
    expect(problems).toEqual([]);
    expect(templates.map((b) => b.template.id).sort()).toEqual([
      "decision-memo",
      "intelligence-assessment",
      "policy-brief",
      "situation-report",
    ]);
  });

  it.each(templates.map((b) => [b.template.id, b.template] as const))(
    "%s is valid as written, with a classification, a date of today and guided sections",
    (_id, template) => {
      expect(checkTemplate(template).issues).toEqual([]);
      const classification = template.fields.find((f) => f.key === "classification");
      expect(classification?.type === "select" && classification.default).toBeTruthy();
      expect(template.fields.find((f) => f.key === "date")).toMatchObject({
        type: "date",
        default: "today",
      });
      expect(template.style.header).toContain("{{classification}}");
      expect(template.sections.length).toBeGreaterThanOrEqual(4);
      for (const s of template.sections) expect(s.guidance.length).toBeGreaterThan(20);
      expect(template.sections.some((s) => s.autofill?.as === "quotes")).toBe(true);
    },
  );

  it("each have their own export style", () => {
    const styles = new Set(templates.map((b) => JSON.stringify(b.template.style)));
    expect(styles.size).toBe(templates.length);
  });

  it("have the sections analysts expect of each kind of product", () => {
    const headings = (id: string) =>
      templates.find((b) => b.template.id === id)?.template.sections.map((s) => s.heading);
    expect(headings("policy-brief")).toEqual([
      "Key points",
      "Background",
      "Analysis",
      "Policy options",
      "Recommendations",
      "Sources",
    ]);
    expect(headings("decision-memo")).toEqual([
      "Purpose",
      "Background",
      "Options",
      "Option 1",
      "Option 2",
      "Recommendation",
      "Decision",
    ]);
    expect(headings("situation-report")).toEqual([
      "Situation",
      "Key developments",
      "Assessment",
      "Outlook",
    ]);
    expect(headings("intelligence-assessment")).toEqual([
      "Bottom line up front",
      "Key judgments",
      "Discussion",
      "Reporting and expert views",
      "Implications",
      "Sourcing note",
    ]);
  });
});
