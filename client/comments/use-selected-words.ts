import type { Editor } from "@tiptap/core";
import { useEffect, useState } from "react";
import { COMMENT_QUOTE_MAX } from "../../server/schema/comment.ts";

/**
 * The words last selected in the brief, for a comment to point at; null when nothing is. It
 * reads the page's selection rather than the editor's, so it works for people who may only
 * read the text, and it outlives moving into the comment box (which takes the selection).
 */
export function useSelectedWords(editor: Editor | null): [string | null, () => void] {
  const [words, setWords] = useState<string | null>(null);
  useEffect(() => {
    if (!editor) return;
    const onChange = () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || !selection.anchorNode) return;
      if (!editor.view.dom.contains(selection.anchorNode)) return;
      const text = selection.toString().replace(/\s+/g, " ").trim();
      if (text)
        setWords(
          text.length > COMMENT_QUOTE_MAX ? `${text.slice(0, COMMENT_QUOTE_MAX - 1)}…` : text,
        );
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [editor]);
  return [words, () => setWords(null)];
}
