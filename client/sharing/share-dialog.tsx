import { type FormEvent, useEffect, useRef, useState } from "react";
import { readableError } from "../api/errors.ts";
import { ROLE_LABELS, ROLES, type ShareRole, shareLinkUrl } from "./share-link.ts";
import { ShareList } from "./share-list.tsx";
import { useShares } from "./use-shares.ts";

interface ShareDialogProps {
  briefId: string;
  title: string;
  onClose: () => void;
}

function RoleSelect({
  value,
  onChange,
  label,
}: {
  value: ShareRole;
  onChange: (r: ShareRole) => void;
  label: string;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as ShareRole)}
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </select>
  );
}

/** The owner invites people by email, makes links, and revokes either. */
export function ShareDialog({ briefId, title, onClose }: ShareDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const { shares, error: listError, add, revoke } = useShares(briefId);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ShareRole>("editor");
  const [linkRole, setLinkRole] = useState<ShareRole>("viewer");
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => ref.current?.showModal(), []);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(readableError(err));
    } finally {
      setBusy(false);
    }
  };

  const invite = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await add({ email, role });
      setEmail("");
    });
  };

  const createLink = () =>
    run(async () => {
      const share = await add({ role: linkRole });
      if (share.token) setLink(shareLinkUrl(location.origin, briefId, share.token));
      setCopied(false);
    });

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard permission: leave the address selected for Ctrl+C.
      document.querySelector<HTMLInputElement>("#share-link-url")?.select();
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog share-dialog"
      aria-labelledby="share-title"
      onClose={onClose}
    >
      <div className="dialog-form">
        <header className="dialog-header">
          <h2 id="share-title">Share “{title}”</h2>
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
          <form className="share-row" onSubmit={invite} aria-label="Invite people">
            <label className="form-field share-grow">
              <span>Invite by email</span>
              <input
                type="email"
                required
                placeholder="colleague@example.org"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            <RoleSelect value={role} onChange={setRole} label="Role for the invitee" />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Invite
            </button>
          </form>
          <p className="field-hint">
            People without an account get access as soon as they sign up with this email.
          </p>

          <section className="share-link-box" aria-label="Share by link">
            <div className="share-row">
              <div className="share-grow">
                <strong>Share by link</strong>
                <p className="field-hint">
                  Anyone with the link can open this brief, no account needed.
                </p>
              </div>
              <RoleSelect value={linkRole} onChange={setLinkRole} label="Role for link holders" />
              <button type="button" className="btn" onClick={createLink} disabled={busy}>
                Create link
              </button>
            </div>
            {link && (
              <div className="share-row share-link-made">
                <input
                  id="share-link-url"
                  className="share-grow"
                  readOnly
                  aria-label="Link address"
                  value={link}
                  onFocus={(e) => e.target.select()}
                />
                <button type="button" className="btn btn-primary" onClick={copy}>
                  {copied ? "Copied" : "Copy link"}
                </button>
              </div>
            )}
            {link && <p className="field-hint">This address is shown only once: copy it now.</p>}
          </section>

          {error && (
            <p className="notice notice-error" role="alert">
              {error}
            </p>
          )}
          <ShareList shares={shares} error={listError} onRevoke={(id) => run(() => revoke(id))} />
        </div>
        <footer className="dialog-footer">
          <button type="button" className="btn btn-primary" onClick={() => ref.current?.close()}>
            Done
          </button>
        </footer>
      </div>
    </dialog>
  );
}
