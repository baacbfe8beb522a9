import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { insertSnippet } from "./insert-snippet.ts";
import { SNIPPET_MIME, snippetFromDrag } from "./snippet-content.ts";

/** Lets snippets dragged from the sources panel drop into the brief where the mouse is. */
export const SnippetDrop = Extension.create({
  name: "snippetDrop",
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey("snippetDrop"),
        props: {
          handleDrop(view, event) {
            const snippet = snippetFromDrag(event.dataTransfer?.getData(SNIPPET_MIME) ?? "");
            if (!snippet) return false;
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            if (!at) return false;
            event.preventDefault();
            return insertSnippet(editor, snippet, at.pos);
          },
        },
      }),
    ];
  },
});
