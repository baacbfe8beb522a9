import type { TemplateField } from "../../server/schema/template.ts";
import { useCaretThroughChanges } from "../components/shared-input.ts";

interface FieldInputProps {
  field: TemplateField;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}

/** One template field as the control its type calls for. */
export function FieldInput({ field, value, onChange, disabled }: FieldInputProps) {
  const id = `field-${field.key}`;
  const helpId = field.help ? `${id}-help` : undefined;
  const common = { id, disabled, "aria-describedby": helpId, required: field.required };
  // Goes on whichever free-text control renders (input or textarea); select and date need none.
  const textRef = useCaretThroughChanges<HTMLInputElement & HTMLTextAreaElement>(value);
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {field.label}
        {field.required && (
          <span className="required" aria-hidden="true">
            {" "}
            *
          </span>
        )}
      </label>
      {field.type === "select" ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {/* An optional field can always go back to empty; a required one starts there. */}
          {(!field.required || value === "") && (
            <option value="">{field.required ? "Choose…" : "None"}</option>
          )}
          {value !== "" && !field.options.includes(value) && <option value={value}>{value}</option>}
          {field.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : field.type === "date" ? (
        <input {...common} type="date" value={value} onChange={(e) => onChange(e.target.value)} />
      ) : field.maxLength > 200 ? (
        <textarea
          {...common}
          ref={textRef}
          rows={3}
          maxLength={field.maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          ref={textRef}
          type="text"
          maxLength={field.maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {field.help && (
        <p className="field-help" id={helpId}>
          {field.help}
        </p>
      )}
    </div>
  );
}
