import { type FormEvent, useState } from "react";
import { readableError } from "../api/errors.ts";
import { templatesApi } from "../api/templates.ts";
import { useToast } from "../components/toasts.tsx";

/**
 * Saves the brief's structure (its headings as sections), fields and Word style as a new
 * template the team can start briefs from.
 */
export function SaveAsTemplate({ briefId, title }: { briefId: string; title: string }) {
  const notify = useToast();
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (name === null) {
    return (
      <div className="save-template">
        <button type="button" className="btn btn-small" onClick={() => setName(title)}>
          Save as template…
        </button>
      </div>
    );
  }
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError("Give the template a name.");
    setBusy(true);
    setError(null);
    try {
      const template = await templatesApi.fromBrief(briefId, name.trim());
      notify(`Saved as the template “${template.name}”: new briefs can start from it.`, "success");
      setName(null);
    } catch (err) {
      setError(readableError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="save-template" onSubmit={save} aria-label="Save as template">
      <label className="form-field">
        <span>Template name</span>
        <input
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
          // biome-ignore lint/a11y/noAutofocus: the field is what the person just asked for
          autoFocus
        />
      </label>
      <p className="field-hint">
        Its headings become the template's sections; fields and Word style come with them.
      </p>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
          Save template
        </button>
        <button type="button" className="btn btn-small" onClick={() => setName(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
