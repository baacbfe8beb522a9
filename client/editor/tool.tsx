import { Icon, type IconName } from "../components/icon.tsx";

export interface ToolProps {
  icon: IconName;
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onRun: () => void;
}

/** A toolbar button; `aria-pressed` only for toggles, so screen readers say "on"/"off". */
export function Tool({ icon, label, shortcut, active, disabled, onRun }: ToolProps) {
  return (
    <button
      type="button"
      className="tool"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onRun}
    >
      <Icon name={icon} />
    </button>
  );
}
