import { useState } from "react";
import { type Account, colorFor } from "../account/account.ts";
import { ChangePasswordForm } from "../account/change-password-form.tsx";
import { Avatar } from "./avatar.tsx";
import { Popover } from "./popover.tsx";

/** The signed-in person, as others see them, with ways to change the password and sign out. */
export function UserMenu({ account, onSignOut }: { account: Account; onSignOut: () => void }) {
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const [changed, setChanged] = useState<string | null>(null);
  const color = colorFor(account.id);
  const trigger = (
    <button
      type="button"
      className="identity-button"
      aria-label={`Signed in as ${account.name}. Account menu`}
      aria-expanded={open}
      onClick={() => {
        setOpen(!open);
        setChanging(false);
        setChanged(null);
      }}
    >
      <Avatar name={account.name} color={color} />
      <span className="identity-name">{account.name}</span>
    </button>
  );
  return (
    <Popover open={open} onClose={() => setOpen(false)} trigger={trigger} align="end">
      <div className="user-menu">
        <div className="user-menu-who">
          <Avatar name={account.name} color={color} size={36} />
          <div>
            <strong>{account.name}</strong>
            <span className="muted">{account.email}</span>
            {account.isAdmin && <span className="tag">Admin</span>}
          </div>
        </div>
        <p className="user-menu-note">Others see your name and this colour on your caret.</p>
        {changed && (
          <p className="notice notice-success" role="status">
            {changed}
          </p>
        )}
        {changing ? (
          <ChangePasswordForm
            onDone={(message) => {
              setChanging(false);
              setChanged(message);
            }}
          />
        ) : (
          <div className="popover-actions">
            <button type="button" className="btn btn-quiet" onClick={() => setChanging(true)}>
              Change password…
            </button>
            <button type="button" className="btn btn-quiet" onClick={onSignOut}>
              Sign out
            </button>
          </div>
        )}
      </div>
    </Popover>
  );
}
