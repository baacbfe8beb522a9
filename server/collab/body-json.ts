import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import type { PMNode } from "../schema/brief.ts";
import { BODY_FIELD } from "../schema/editor.ts";

/** The brief body of a Y.Doc as ProseMirror JSON (what export, search and checks read). */
export function bodyToJSON(doc: Y.Doc): PMNode {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FIELD)) as PMNode;
  return json.content?.length ? json : { type: "doc", content: [{ type: "paragraph" }] };
}
