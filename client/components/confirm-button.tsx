import { useEffect, useRef, useState } from "react";

interface ConfirmButtonProps {
  label: string;
  confirmLabel: string;
  /** What is being acted on, for screen readers: "Delete Grid outlook". */
  subject: string;
  onConfirm: () => void;
}

/** A destructive action that asks once more in place, without a modal. */
export function ConfirmButton({ label, confirmLabel, subject, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        className="btn btn-small btn-quiet btn-danger-text"
        aria-label={`${label} ${subject}`}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <button
        ref={confirmRef}
        type="button"
        className="btn btn-small btn-danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="btn btn-small btn-quiet" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
