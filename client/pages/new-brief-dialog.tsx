import { type FormEvent, useEffect, useRef, useState } from "react";
import type { ArticleSummary } from "../../server/schema/article.ts";
import type { FieldValues } from "../../server/schema/brief.ts";
import type { TemplateInfo } from "../../server/schema/template.ts";
import { articlesApi } from "../api/articles.ts";
import { briefsApi } from "../api/briefs.ts";
import { readableError } from "../api/errors.ts";
import { useAfterRender } from "../components/use-after-render.ts";
import { fieldDefaults, missingRequired } from "../fields/defaults.ts";
import { FieldInput } from "../fields/field-input.tsx";
import { navigate, paths } from "../router.ts";
import { ArticleChoice } from "./article-choice.tsx";
import { TemplateChoice } from "./template-choice.tsx";

interface NewBriefDialogProps {
  templates: TemplateInfo[];
  onClose: () => void;
  /** Deletes a saved template; resolves once it is gone (it rejects with what went wrong). */
  onDeleteTemplate: (template: TemplateInfo) => Promise<void>;
}

/** Starts a brief: a template, a title, the template's fields and articles to draft from. */
export function NewBriefDialog({ templates, onClose, onDeleteTemplate }: NewBriefDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [templateId, setTemplateId] = useState<string>(defaultTemplate(templates));
  const [title, setTitle] = useState("");
  const [fields, setFields] = useState<FieldValues>({});
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [articleIds, setArticleIds] = useState<string[]>([]);
  const [draft, setDraft] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const template = templates.find((t) => t.id === templateId);
  const afterRender = useAfterRender();

  useEffect(() => {
    ref.current?.showModal();
    articlesApi.list().then(setArticles, () => setArticles([]));
  }, []);
  useEffect(() => setFields(fieldDefaults(template?.fields ?? [])), [template]);

  const deleteTemplate = async (doomed: TemplateInfo) => {
    setError(null);
    try {
      await onDeleteTemplate(doomed);
      setTemplateId(defaultTemplate(templates.filter((t) => t.id !== doomed.id)));
      // The button that had the focus is gone: the template chosen instead takes it.
      afterRender(() =>
        ref.current?.querySelector<HTMLInputElement>('input[name="template"]:checked')?.focus(),
      );
    } catch (err) {
      setError(`Couldn't delete “${doomed.name}”: ${readableError(err)}`);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = missingRequired(template?.fields ?? [], fields);
    if (!title.trim()) return setError("Give the brief a title.");
    if (missing.length) return setError(`Fill in: ${missing.join(", ")}.`);
    setBusy(true);
    setError(null);
    try {
      const brief = await briefsApi.create({
        title: title.trim(),
        ...(template ? { templateId: template.id, fields } : {}),
        ...(articleIds.length ? { articleIds, draft } : {}),
      });
      navigate(paths.brief(brief.id));
    } catch (err) {
      setError(readableError(err));
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="new-brief-title" onClose={onClose}>
      <form onSubmit={submit} className="dialog-form">
        <header className="dialog-header">
          <h2 id="new-brief-title">New brief</h2>
          <button
            type="button"
            className="tool"
            aria-label="Close"
            onClick={() => ref.current?.close()}
          >
            ×
          </button>
        </header>
        <div className="dialog-body">
          <TemplateChoice
            templates={templates}
            value={templateId}
            onChange={setTemplateId}
            onDelete={deleteTemplate}
          />
          <label className="form-field">
            <span>Title</span>
            <input
              name="title"
              value={title}
              maxLength={300}
              required
              placeholder="e.g. Grid resilience after the winter storms"
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          {template && template.fields.length > 0 && (
            <fieldset className="field-grid">
              <legend>{template.name} details</legend>
              {template.fields.map((f) => (
                <FieldInput
                  key={f.key}
                  field={f}
                  value={fields[f.key] ?? ""}
                  onChange={(v) => setFields((x) => ({ ...x, [f.key]: v }))}
                />
              ))}
            </fieldset>
          )}
          <ArticleChoice
            articles={articles}
            value={articleIds}
            onChange={setArticleIds}
            draft={draft}
            onDraft={setDraft}
          />
          {error && (
            <p className="notice notice-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <footer className="dialog-footer">
          <button type="button" className="btn btn-quiet" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>
            {busy ? "Creating…" : "Create brief"}
          </button>
        </footer>
      </form>
    </dialog>
  );
}

/** The template a new brief starts with: the policy brief, else the first there is. */
function defaultTemplate(templates: TemplateInfo[]): string {
  return (templates.find((t) => t.id === "policy-brief") ?? templates[0])?.id ?? "";
}
