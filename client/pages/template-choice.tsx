import type { TemplateInfo } from "../../server/schema/template.ts";
import { ConfirmButton } from "../components/confirm-button.tsx";

interface TemplateChoiceProps {
  templates: TemplateInfo[];
  value: string;
  onChange: (id: string) => void;
  /** Deletes a template the team saved; built-in ones offer no delete. */
  onDelete: (template: TemplateInfo) => void;
}

/** Templates as radio cards, plus a blank brief; a saved template chosen can be deleted. */
export function TemplateChoice({ templates, value, onChange, onDelete }: TemplateChoiceProps) {
  const options = [
    ...templates.map((t) => ({ id: t.id, name: t.name, description: t.description })),
    {
      id: "",
      name: "Blank brief",
      description: "No sections or fields: start from an empty page.",
    },
  ];
  const saved = templates.find((t) => t.id === value && !t.builtIn);
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
      {saved && (
        <p className="template-saved field-hint">
          <span>
            Saved by your team. Deleting it removes it for everyone; briefs made from it keep their
            content and download with the plain Word layout.
          </span>{" "}
          <ConfirmButton
            label="Delete template"
            confirmLabel="Delete for everyone"
            subject={saved.name}
            onConfirm={() => onDelete(saved)}
          />
        </p>
      )}
    </fieldset>
  );
}
