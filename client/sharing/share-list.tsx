import type { ShareView } from "../../server/schema/auth.ts";
import { ConfirmButton } from "../components/confirm-button.tsx";
import { ROLE_LABELS } from "./share-link.ts";

const dateOf = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });

/** Who has access besides the owner, each with a way to take it back. */
export function ShareList({
  shares,
  error,
  onRevoke,
}: {
  shares: ShareView[] | null;
  error: string | null;
  onRevoke: (shareId: string) => void;
}) {
  return (
    <section className="share-list" aria-label="People and links with access">
      <h3>Who has access</h3>
      {error && (
        <p className="notice notice-error" role="alert">
          Couldn't load the shares: {error}
        </p>
      )}
      {!shares && !error && <p className="muted">Loading…</p>}
      {shares?.length === 0 && <p className="muted">Only you, so far.</p>}
      {shares && shares.length > 0 && (
        <ul>
          {shares.map((s) => {
            const who = s.kind === "link" ? `Link made ${dateOf(s.createdAt)}` : (s.email ?? "");
            return (
              <li key={s.id} data-share-id={s.id} data-kind={s.kind}>
                <span className="share-who">
                  {who}
                  {s.kind === "user" && !s.accepted && <span className="tag">Invited</span>}
                  {s.expiresAt && <span className="tag">Until {dateOf(s.expiresAt)}</span>}
                </span>
                <span className="share-role">{ROLE_LABELS[s.role]}</span>
                <ConfirmButton
                  label="Revoke"
                  confirmLabel="Revoke access"
                  subject={who}
                  onConfirm={() => onRevoke(s.id)}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
