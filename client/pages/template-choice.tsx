import type { TemplateInfo } from "../../server/schema/template.ts";

interface TemplateChoiceProps {
  templates: TemplateInfo[];
  value: string;
  onChange: (id: string) => void;
}

/** Templates as radio cards, plus a blank brief. */
export function TemplateChoice({ templates, value, onChange }: TemplateChoiceProps) {
  const options = [
    ...templates.map((t) => ({ id: t.id, name: t.name, description: t.description })),
    {
      id: "",
      name: "Blank brief",
      description: "No sections or fields: start from an empty page.",
    },
  ];
  return (
    <fieldset className="template-choice">
      <legend>Template</legend>
      <div className="template-cards">
        {options.map((o) => (
          <label key={o.id || "blank"} className="template-card" data-template-id={o.id || "blank"}>
            <input
              type="radio"
              name="template"
              value={o.id}
              checked={value === o.id}
              onChange={() => onChange(o.id)}
            />
            <span className="template-name">{o.name}</span>
            <span className="template-description">{o.description}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
