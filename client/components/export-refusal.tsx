import { useId } from "react";
import { ApiError } from "../api/errors.ts";

/** The export's objections that a person may overrule: source problems, low coverage. */
const OVERRULABLE = new Set(["source_problems", "coverage_below_minimum"]);

/** True for an export refused by the source check, which "Export anyway" can get past. */
export function isCheckRefusal(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status === 409 && OVERRULABLE.has(err.id);
}

/** The server's reason without its last sentence, which tells API callers how to proceed. */
export function refusalReason(message: string): string {
  return message.replace(/\s*[^.]*\bproceed=true\b[^.]*\.?\s*$/, "").trim() || message;
}

interface ExportRefusalProps {
  error: ApiError;
  onProceed: () => void;
  onCancel: () => void;
}

/** Why the export stopped, and the choice to export anyway (the problems are then marked). */
export function ExportRefusal({ error, onProceed, onCancel }: ExportRefusalProps) {
  const titleId = useId();
  const problems = error.id === "source_problems";
  return (
    <div className="export-refusal" role="alertdialog" aria-labelledby={titleId}>
      <h3 id={titleId}>{problems ? "Source problems" : "Coverage below the minimum"}</h3>
      <p>{refusalReason(error.message)}</p>
      <p className="muted">
        {problems
          ? "Exporting anyway marks each problem in the Word document."
          : "Exporting anyway leaves the uncited sentences as they are."}
      </p>
      <div className="popover-actions">
        <button type="button" className="btn btn-quiet" onClick={onCancel}>
          Cancel
        </button>
        {/* biome-ignore lint/a11y/noAutofocus: the choice the dialog asks for */}
        <button type="button" className="btn btn-primary" autoFocus onClick={onProceed}>
          Export anyway
        </button>
      </div>
    </div>
  );
}
