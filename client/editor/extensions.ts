import type { AnyExtension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { BODY_FIELD, editorExtensions } from "../../server/schema/editor.ts";
import { SourceFlags } from "../check/source-flags.ts";
import type { Identity } from "../collab/identity.ts";
import type { BriefSession } from "../collab/session.ts";
import { renderCaret, renderSelection } from "./carets.ts";
import { SnippetDrop } from "./snippet-drop.ts";
import { TypedAttribution } from "./typed-attribution.ts";

/**
 * The shared schema's extensions plus what only a live browser needs: the Y.Doc binding
 * (whose undo manager undoes only this person's edits), carets, snippet drops, the source
 * check's margin flags, and a quote's typed attribution shown in place of its drawn one.
 */
export function collaborativeExtensions(session: BriefSession, identity: Identity): AnyExtension[] {
  return [
    ...editorExtensions({ history: false }),
    Collaboration.configure({ document: session.doc, field: BODY_FIELD }),
    CollaborationCaret.configure({
      provider: session.provider,
      user: identity,
      render: renderCaret,
      selectionRender: renderSelection,
    }),
    SnippetDrop,
    SourceFlags,
    TypedAttribution,
  ];
}
