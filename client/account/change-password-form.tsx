import { type FormEvent, useEffect, useRef, useState } from "react";
import { authApi } from "../api/auth.ts";
import { readableError } from "../api/errors.ts";

/**
 * Changing one's password, from the account menu: the current one, then the new one. The
 * server ends the account's other sessions, so a lost laptop stops working at once.
 */
export function ChangePasswordForm({ onDone }: { onDone: (message: string | null) => void }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await authApi.changePassword(current, next);
      onDone("Password changed. Your other devices are signed out.");
    } catch (err) {
      setError(readableError(err));
      setBusy(false);
    }
  };

  return (
    <form className="change-password" aria-label="Change password" onSubmit={submit}>
      <label className="form-field">
        <span>Current password</span>
        <input
          ref={first}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </label>
      <label className="form-field">
        <span>New password</span>
        <input
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
      </label>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="popover-actions">
        <button type="button" className="btn btn-quiet" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>
          {busy ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
