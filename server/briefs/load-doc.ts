import * as Y from "yjs";
import type { RoomManager } from "../collab/rooms.ts";
import type { Store } from "../store/store.ts";

/**
 * A copy of a brief's document: the live state when its room is loaded, the stored state
 * otherwise. Null when there is no such brief. The caller owns (and destroys) the copy.
 */
export async function loadBriefDoc(
  deps: { store: Store; rooms: RoomManager },
  briefId: string,
): Promise<Y.Doc | null> {
  const doc = new Y.Doc();
  const live = deps.rooms.loaded(briefId);
  if (live) {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live.doc));
    return doc;
  }
  const stored = await deps.store.docs.load(briefId);
  if (!stored) return null;
  const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
  if (parts.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(parts));
  return doc;
}
