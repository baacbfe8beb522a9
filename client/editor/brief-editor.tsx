import type { Editor } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useEffect } from "react";
import type { Problem } from "../../server/schema/check.ts";
import { showSourceProblems } from "../check/source-flags.ts";
import type { Identity } from "../collab/identity.ts";
import type { BriefSession } from "../collab/session.ts";
import { collaborativeExtensions } from "./extensions.ts";
import { Toolbar } from "./toolbar.tsx";

interface BriefEditorProps {
  session: BriefSession;
  identity: Identity;
  onEditor: (editor: Editor | null) => void;
  /** False for viewers and commenters: the server would drop their edits. */
  editable: boolean;
  /** The latest source check's problems, flagged in the margin. */
  problems: readonly Problem[];
}

/** The brief body, bound to the shared Y.Doc, with its toolbar. */
export function BriefEditor({ session, identity, onEditor, editable, problems }: BriefEditorProps) {
  const editor = useEditor(
    {
      extensions: collaborativeExtensions(session, identity),
      editorProps: {
        attributes: { class: "brief-body", "aria-label": "Brief text", spellcheck: "true" },
      },
      shouldRerenderOnTransaction: false,
      editable,
    },
    [session],
  );
  const empty = useEditorState({ editor, selector: ({ editor: e }) => e?.isEmpty ?? true });

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser(identity);
  }, [editor, identity]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) showSourceProblems(editor.view, problems);
  }, [editor, problems]);

  if (!editor) return null;
  return (
    <div className="editor-shell">
      {editable && <Toolbar editor={editor} />}
      <div className="editor-scroll">
        <article className="page">
          {empty && editable && (
            <p className="editor-hint" aria-hidden="true">
              Start writing, or insert a quote or fact from Sources on the right.
            </p>
          )}
          <EditorContent editor={editor} />
        </article>
      </div>
    </div>
  );
}
