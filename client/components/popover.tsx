import { type ReactNode, useEffect, useRef } from "react";

interface PopoverProps {
  open: boolean;
  onClose: () => void;
  trigger: ReactNode;
  children: ReactNode;
  align?: "start" | "end";
}

/** A panel under its trigger; Escape or a click outside closes it and focus returns. */
export function Popover({ open, onClose, trigger, children, align = "start" }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      onClose();
      ref.current?.querySelector<HTMLElement>("button")?.focus();
    };
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onDown);
    };
  }, [open, onClose]);
  return (
    <div className="popover-anchor" ref={ref}>
      {trigger}
      {open && <div className={`popover popover-${align}`}>{children}</div>}
    </div>
  );
}
