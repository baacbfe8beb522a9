import { useEffect, useState } from "react";

/**
 * The brief's title, editable in place. Shared through the `meta` map, so it is written as
 * the person types and follows others' changes when not focused.
 */
export function TitleInput({
  value,
  onChange,
  disabled,
}: {
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(value);
  }, [value, focused]);
  return (
    <input
      className="title-input"
      aria-label="Brief title"
      placeholder="Untitled brief"
      value={draft}
      maxLength={300}
      disabled={disabled}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        if (!draft.trim()) setDraft(value);
      }}
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.target.value.trim()) onChange(e.target.value);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") (e.target as HTMLInputElement).blur();
      }}
    />
  );
}
