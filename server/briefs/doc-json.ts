import { prosemirrorToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { badRequest } from "../errors.ts";
import type { PMNode } from "../schema/brief.ts";
import { BODY_FIELD, editorSchema } from "../schema/editor.ts";

/**
 * The brief body (`BODY_FIELD`) as ProseMirror JSON, exactly as Tiptap's Collaboration
 * extension reads it. Never throws: a body the schema would reject is returned as it is.
 */
export function docToJSON(ydoc: Y.Doc): PMNode {
  return yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(BODY_FIELD)) as PMNode;
}

/**
 * A new Y.Doc whose body is `json`, checked against the editor schema first (a 400 naming
 * `doc` when it does not conform), so the server never stores a body the editor cannot open.
 */
export function jsonToDoc(json: PMNode): Y.Doc {
  let node: ReturnType<typeof editorSchema.nodeFromJSON>;
  try {
    node = editorSchema.nodeFromJSON(json);
    node.check();
  } catch (error) {
    throw badRequest("invalid_document", `doc: ${(error as Error).message}`);
  }
  const ydoc = new Y.Doc();
  prosemirrorToYXmlFragment(node, ydoc.getXmlFragment(BODY_FIELD));
  return ydoc;
}
