import { type FormEvent, useState } from "react";
import type { Article } from "../../server/schema/article.ts";
import { articlesApi } from "../api/articles.ts";
import { readableError } from "../api/errors.ts";
import { articleUrl, pastedImport } from "./import-payload.ts";

/** The files the server reads (`decodeUpload`): plain text, web pages and Word documents. */
const UPLOAD_TYPES = [
  ".txt",
  ".html",
  ".htm",
  ".docx",
  "text/plain",
  "text/html",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
].join(",");

type Mode = "paste" | "file" | "url";
const MODES: { mode: Mode; label: string }[] = [
  { mode: "paste", label: "Paste" },
  { mode: "file", label: "Upload" },
  { mode: "url", label: "Link" },
];

/** Brings an article in from pasted text or HTML, a file, or a web address. */
export function ImportForm({
  onImported,
  onCancel,
}: {
  onImported: (a: Article) => void;
  onCancel: () => void;
}) {
  const [mode, setMode] = useState<Mode>("paste");
  const [text, setText] = useState("");
  const [html, setHtml] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    let request: Promise<Article>;
    if (mode === "paste") {
      const body = pastedImport(text, html, title);
      if (!body) return setError("Paste the article's text first.");
      request = articlesApi.import(body);
    } else if (mode === "file") {
      if (!file) return setError("Choose a .txt, .html or .docx file.");
      request = articlesApi.upload(file);
    } else {
      const link = articleUrl(url);
      if (!link) return setError("Enter a web address starting with http:// or https://");
      request = articlesApi.import(
        title.trim() ? { url: link, title: title.trim() } : { url: link },
      );
    }
    setBusy(true);
    try {
      onImported(await request);
    } catch (err) {
      setError(readableError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="import-form" onSubmit={submit} aria-label="Import an article">
      <div className="segmented" role="tablist" aria-label="Import from">
        {MODES.map((m) => (
          <button
            key={m.mode}
            type="button"
            role="tab"
            aria-selected={mode === m.mode}
            onClick={() => {
              setMode(m.mode);
              setError(null);
            }}
          >
            {m.label}
          </button>
        ))}
      </div>
      {mode === "paste" && (
        <label className="form-field">
          <span>Article text or HTML</span>
          <textarea
            rows={6}
            value={text}
            placeholder="Paste the article here. Formatting from a web page is cleaned up on import."
            onPaste={(e) => setHtml(e.clipboardData.getData("text/html") || null)}
            onChange={(e) => {
              setText(e.target.value);
              if (
                e.nativeEvent instanceof InputEvent &&
                e.nativeEvent.inputType !== "insertFromPaste"
              )
                setHtml(null);
            }}
          />
          {html && (
            <span className="field-help">
              Formatted text detected: it will be cleaned on import.
            </span>
          )}
        </label>
      )}
      {mode === "file" && (
        <label className="form-field">
          <span>File</span>
          <input
            type="file"
            accept={UPLOAD_TYPES}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <span className="field-help">Plain text, a saved web page or a Word document.</span>
        </label>
      )}
      {mode === "url" && (
        <label className="form-field">
          <span>Web address</span>
          <input
            type="url"
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
      )}
      {mode !== "file" && (
        <label className="form-field">
          <span>Title (optional)</span>
          <input
            type="text"
            value={title}
            maxLength={500}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="Taken from the article if left empty"
          />
        </label>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>
          {busy ? "Importing…" : "Import article"}
        </button>
      </div>
    </form>
  );
}
