import type { ReactNode } from "react";
import type { FieldValues } from "../../server/schema/brief.ts";
import { setField } from "../collab/meta.ts";
import type { BriefSession } from "../collab/session.ts";
import { FieldInput } from "./field-input.tsx";
import { SaveAsTemplate } from "./save-as-template.tsx";
import { useTemplate } from "./use-template.ts";
import { WritingGuide } from "./writing-guide.tsx";

interface DetailsPanelProps {
  id: string;
  briefId: string;
  title: string;
  session: BriefSession | null;
  templateId: string | null;
  fields: FieldValues;
  /** Viewers and commenters see the fields but cannot change them. */
  readOnly?: boolean;
  /** Shown above the fields: the brief's source coverage. */
  children?: ReactNode;
}

/** The template's fields, edited live for everyone through the brief's `meta` map. */
export function DetailsPanel({
  id,
  briefId,
  title,
  session,
  templateId,
  fields,
  readOnly = false,
  children,
}: DetailsPanelProps) {
  const load = useTemplate(templateId);
  const change = (key: string) => (value: string) => session && setField(session.doc, key, value);
  return (
    <aside id={id} className="side-panel details-panel" aria-label="Brief details">
      <div className="panel-header">
        <h2>Details</h2>
        {load.status === "ok" && <span className="panel-sub">{load.template.name}</span>}
      </div>
      <div className="panel-body">
        {children}
        {load.status === "none" && (
          <p className="muted">
            This brief has no template, so it has no fields. Briefs made from a template carry its
            fields — classification, audience, date — into the Word document.
          </p>
        )}
        {load.status === "loading" && <p className="muted">Loading the template…</p>}
        {load.status === "error" && (
          <p className="notice notice-error" role="alert">
            Couldn't load the template: {load.message}
          </p>
        )}
        {load.status === "ok" && (
          <>
            <form className="fields-form" onSubmit={(e) => e.preventDefault()}>
              {load.template.fields.map((field) => (
                <FieldInput
                  key={field.key}
                  field={field}
                  value={fields[field.key] ?? ""}
                  onChange={change(field.key)}
                  disabled={!session || readOnly}
                />
              ))}
            </form>
            <WritingGuide template={load.template} />
          </>
        )}
        {!readOnly && <SaveAsTemplate briefId={briefId} title={title} />}
      </div>
    </aside>
  );
}
