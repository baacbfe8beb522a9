import type { Editor } from "@tiptap/core";
import { blockAtPath } from "./block-at-path.ts";

/** Scrolls the block at `path` (as the source check locates it) into the middle of the view. */
export function scrollToBlock(editor: Editor, path: readonly number[]): void {
  const block = blockAtPath(editor.state.doc, path);
  const dom = block && editor.view.nodeDOM(block.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: "center", behavior: "smooth" });
}
