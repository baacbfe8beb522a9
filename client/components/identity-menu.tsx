import { type FormEvent, useId, useState } from "react";
import { type Identity, PALETTE } from "../collab/identity.ts";
import { Avatar } from "./avatar.tsx";
import { Popover } from "./popover.tsx";

/** Shows who you appear as to others, and lets you change your name and colour. */
export function IdentityMenu({
  identity,
  onChange,
}: {
  identity: Identity;
  onChange: (i: Identity) => void;
}) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(identity.name);
  const [color, setColor] = useState(identity.color);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    onChange({ name: name.trim().slice(0, 60), color });
    setOpen(false);
  };
  const trigger = (
    <button
      type="button"
      className="identity-button"
      aria-label={`You appear as ${identity.name}. Change name or colour`}
      aria-expanded={open}
      onClick={() => {
        setName(identity.name);
        setColor(identity.color);
        setOpen(!open);
      }}
    >
      <Avatar name={identity.name} color={identity.color} />
      <span className="identity-name">{identity.name}</span>
    </button>
  );
  return (
    <Popover open={open} onClose={() => setOpen(false)} trigger={trigger} align="end">
      <form className="popover-form" onSubmit={submit}>
        <label htmlFor={id}>Your name, as others see it</label>
        <input id={id} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        <fieldset className="swatches">
          <legend>Colour</legend>
          {PALETTE.map((c) => (
            <label key={c} className="swatch" style={{ backgroundColor: c }}>
              <input
                type="radio"
                name="colour"
                value={c}
                checked={c === color}
                onChange={() => setColor(c)}
              />
              <span className="visually-hidden">{c}</span>
            </label>
          ))}
        </fieldset>
        <div className="popover-actions">
          <button type="submit" className="btn btn-primary">
            Save
          </button>
        </div>
      </form>
    </Popover>
  );
}
