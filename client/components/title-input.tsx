import { useState } from "react";
import { useCaretThroughChanges } from "./shared-input.ts";

/**
 * The brief's title, editable in place. Shared through the `meta` map: written as the person
 * types, and always showing the shared title, so others' renames appear even while focused
 * (a buffered copy would later overwrite them). Only a blanked title stays local, since an
 * empty title is never written; leaving the box brings the shared one back.
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
  const [blank, setBlank] = useState<string | null>(null);
  const shown = blank ?? value;
  const ref = useCaretThroughChanges<HTMLInputElement>(shown);
  return (
    <input
      ref={ref}
      className="title-input"
      aria-label="Brief title"
      placeholder="Untitled brief"
      value={shown}
      maxLength={300}
      disabled={disabled}
      onBlur={() => setBlank(null)}
      onChange={(e) => {
        const next = e.target.value;
        setBlank(next.trim() ? null : next);
        if (next.trim()) onChange(next);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") (e.target as HTMLInputElement).blur();
      }}
    />
  );
}
