import type { Editor } from "@tiptap/core";
import type { ResolvedPos } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";
import type { Snippet } from "../../server/schema/article.ts";
import { snippetContent } from "./snippet-content.ts";

/**
 * Inserts a snippet at `pos` (default: the cursor) and leaves the cursor where typing carries
 * on outside of it. A quotation taken from a source keeps the source's wording: nothing is
 * inserted inside one (the snippet goes just after it), and a quote just inserted is
 * followed by a paragraph for the cursor, so what is typed next never joins the quoted words
 * (which the source check would rightly flag as altered).
 */
export function insertSnippet(editor: Editor, snippet: Snippet, pos?: number): boolean {
  const { doc, selection } = editor.state;
  const $at = pos === undefined ? selection.$from : doc.resolve(pos);
  const after = afterSourcedQuote($at);
  const content = snippetContent(snippet);
  const chain = editor.chain().focus();
  if (after !== null) {
    const blocks = snippet.kind === "quote" ? content : [{ type: "paragraph", content }];
    chain.insertContentAt(after, blocks);
  } else if (pos !== undefined) {
    chain.insertContentAt(pos, content);
  } else {
    chain.insertContent(content);
  }
  if (snippet.kind === "quote") chain.command(({ tr }) => leaveQuote(tr));
  return chain.run();
}

/** The position just after the outermost quotation from a source around `$pos`, if any. */
function afterSourcedQuote($pos: ResolvedPos): number | null {
  for (let depth = 1; depth <= $pos.depth; depth++) {
    const node = $pos.node(depth);
    if (node.type.name === "blockquote" && node.attrs.snippetId) return $pos.after(depth);
  }
  return null;
}

/**
 * Moves a cursor that ends inside a quote to the start of the paragraph after it, adding an
 * empty one when none follows.
 */
function leaveQuote(tr: Editor["state"]["tr"]): boolean {
  const { $from } = tr.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name !== "blockquote") continue;
    const after = $from.after(depth);
    if (!tr.doc.nodeAt(after)?.isTextblock) {
      tr.insert(after, tr.doc.type.schema.nodes.paragraph!.create());
    }
    tr.setSelection(TextSelection.create(tr.doc, after + 1));
    return true;
  }
  return true;
}
