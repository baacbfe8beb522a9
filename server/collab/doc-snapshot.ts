import * as Y from "yjs";
import type { DocSnapshot } from "../store/store.ts";
import { bodyToJSON } from "./body-json.ts";

/** What the store keeps of a whole document: its state, state vector and derived body. */
export function docSnapshot(doc: Y.Doc): DocSnapshot {
  return {
    state: Y.encodeStateAsUpdate(doc),
    stateVector: Y.encodeStateVector(doc),
    doc: bodyToJSON(doc),
  };
}
