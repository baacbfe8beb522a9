import { useState } from "react";
import { briefsApi } from "../api/briefs.ts";
import { type ApiError, readableError } from "../api/errors.ts";
import { ExportRefusal, isCheckRefusal } from "./export-refusal.tsx";
import { Icon } from "./icon.tsx";
import { Popover } from "./popover.tsx";
import { saveFile } from "./save-file.ts";
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

/** What the popover under the button shows: export options, or why the export stopped. */
type Panel = { kind: "options" } | { kind: "refused"; error: ApiError } | null;

/**
 * Downloads the brief as a Word document rendered from its template, optionally with the
 * evidence annex. When the source check objects, says why and offers to export anyway.
 */
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
  const [annex, setAnnex] = useState(false);
  const [panel, setPanel] = useState<Panel>(null);
  const notify = useToast();
  const download = async (proceed = false) => {
    setBusy(true);
    setPanel(null);
    try {
      const token = linkToken ?? undefined;
      saveFile(await briefsApi.exportDocx(briefId, { token, proceed, annex }), docxFileName(title));
    } catch (err) {
      if (isCheckRefusal(err)) setPanel({ kind: "refused", error: err });
      else notify(`Couldn't download the brief: ${readableError(err)}`, "error");
    } finally {
      setBusy(false);
    }
  };
  const trigger = (
    <div className="split-button">
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => download()}
        disabled={busy}
        aria-busy={busy}
      >
        <Icon name="download" />
        <span className="btn-label">{busy ? "Preparing…" : "Download .docx"}</span>
      </button>
      <button
        type="button"
        className="btn btn-primary split-toggle"
        aria-label="Download options"
        aria-expanded={panel?.kind === "options"}
        onClick={() => setPanel(panel?.kind === "options" ? null : { kind: "options" })}
      >
        <Icon name="chevronDown" size={16} />
      </button>
    </div>
  );
  return (
    <Popover open={panel !== null} onClose={() => setPanel(null)} trigger={trigger} align="end">
      {panel?.kind === "refused" ? (
        <ExportRefusal
          error={panel.error}
          onProceed={() => download(true)}
          onCancel={() => setPanel(null)}
        />
      ) : (
        <label className="check download-option">
          <input type="checkbox" checked={annex} onChange={(e) => setAnnex(e.target.checked)} />
          <span>
            Include evidence annex
            <span className="field-help">
              Every quotation with the source paragraph around it, after Sources.
            </span>
          </span>
        </label>
      )}
    </Popover>
  );
}
