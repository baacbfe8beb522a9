import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import type { Store } from "../../server/store/store.ts";

/** One y-websocket frame, as a client sends it: the message type, then what `write` adds. */
export function frame(type: number, write: (e: encoding.Encoder) => void = () => {}): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

/** Creates a brief with an empty body straight in the store (no template, no owner). */
export function createEmptyBrief(
  store: Store,
  id: string,
  title = id,
): ReturnType<Store["briefs"]["create"]> {
  return store.briefs.create({
    id,
    title,
    templateId: null,
    fields: {},
    ownerId: null,
    state: Y.encodeStateAsUpdate(new Y.Doc()),
    doc: { type: "doc", content: [] },
  });
}
