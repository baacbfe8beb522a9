import type { Editor } from "@tiptap/core";

/** The formatting around the selection, as the toolbar shows it. */
export interface ToolbarState {
  block: "paragraph" | "h1" | "h2" | "h3" | "other";
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  code: boolean;
  link: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  codeBlock: boolean;
  inTable: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

export function toolbarState(editor: Editor): ToolbarState {
  const heading = [1, 2, 3].find((level) => editor.isActive("heading", { level }));
  return {
    block: heading
      ? (`h${heading}` as "h1" | "h2" | "h3")
      : editor.isActive("paragraph")
        ? "paragraph"
        : "other",
    bold: editor.isActive("bold"),
    italic: editor.isActive("italic"),
    underline: editor.isActive("underline"),
    strike: editor.isActive("strike"),
    code: editor.isActive("code"),
    link: editor.isActive("link"),
    bulletList: editor.isActive("bulletList"),
    orderedList: editor.isActive("orderedList"),
    blockquote: editor.isActive("blockquote"),
    codeBlock: editor.isActive("codeBlock"),
    inTable: editor.isActive("table"),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  };
}

/** Normalises what a person types as a link target; null when it cannot be a link. */
export function normaliseHref(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  if (/^(https?:|mailto:)/i.test(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return null; // javascript:, data: and friends
  if (/^[^\s/]+\.[^\s]+$/.test(value)) return `https://${value}`;
  return null;
}
