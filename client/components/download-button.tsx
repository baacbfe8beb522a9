import { useState } from "react";
import { briefsApi } from "../api/briefs.ts";
import { readableError } from "../api/errors.ts";
import { Icon } from "./icon.tsx";
import { useToast } from "./toasts.tsx";

/** A file name from a title: "Grid outlook: Q3" → "Grid outlook Q3.docx". */
export function docxFileName(title: string): string {
  const clean = title
    .replace(/[\\/:*?"<>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80);
  return `${clean || "Brief"}.docx`;
}

/** Downloads the brief as a Word document rendered from its template. */
export function DownloadButton({
  briefId,
  title,
  linkToken,
}: {
  briefId: string;
  title: string;
  /** A link share's token, when the brief was opened through one. */
  linkToken?: string | null;
}) {
  const [busy, setBusy] = useState(false);
  const notify = useToast();
  const download = async () => {
    setBusy(true);
    try {
      const blob = await briefsApi.exportDocx(briefId, linkToken ?? undefined);
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = docxFileName(title);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      notify(`Couldn't download the brief: ${readableError(err)}`, "error");
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="btn btn-primary"
      onClick={download}
      disabled={busy}
      aria-busy={busy}
    >
      <Icon name="download" />
      {busy ? "Preparing…" : "Download .docx"}
    </button>
  );
}
