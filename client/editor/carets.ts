import type { DecorationAttrs } from "@tiptap/pm/view";

interface CaretUser {
  name?: string;
  color?: string;
}

const safeColor = (color: unknown) =>
  typeof color === "string" && /^#[0-9a-f]{6}$/i.test(color) ? color : "#64748b";

/** Another person's caret: a thin bar in their colour with their name above it. */
export function renderCaret(user: CaretUser): HTMLElement {
  const color = safeColor(user.color);
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.style.borderColor = color;
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = color;
  label.textContent = user.name ?? "Someone";
  caret.append(label);
  return caret;
}

/** Another person's selection, tinted with their colour. */
export function renderSelection(user: CaretUser): DecorationAttrs {
  return {
    nodeName: "span",
    class: "collaboration-carets__selection",
    style: `background-color: ${safeColor(user.color)}33`,
    "data-user": user.name ?? "Someone",
  };
}
