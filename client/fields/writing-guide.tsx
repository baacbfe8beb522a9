import type { TemplateInfo } from "../../server/schema/template.ts";

/** The template's sections and what each should say, for reference while writing. */
export function WritingGuide({ template }: { template: TemplateInfo }) {
  const sections = template.sections.filter((s) => s.guidance);
  if (!sections.length) return null;
  return (
    <details className="writing-guide">
      <summary>Writing guide</summary>
      <dl>
        {sections.map((s) => (
          <div key={s.heading}>
            <dt>{s.heading}</dt>
            <dd>{s.guidance}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
