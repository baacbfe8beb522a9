import * as Y from "yjs";
import type { RoomManager } from "../collab/rooms.ts";
import type { Store } from "../store/store.ts";

interface Sources {
  store: Store;
  rooms: RoomManager;
}

/**
 * A brief's document as one encoded update: the live state when its room is loaded, the
 * stored state otherwise. Null when there is no such brief. Cheaper than `loadBriefDoc` when
 * the document is to be read elsewhere (an export worker).
 */
export async function loadBriefState(deps: Sources, briefId: string): Promise<Uint8Array | null> {
  const live = deps.rooms.loaded(briefId);
  if (live) return live.encodedState();
  const stored = await deps.store.docs.load(briefId);
  if (!stored) return null;
  const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
}

/**
 * A copy of a brief's document (see `loadBriefState`). Null when there is no such brief. The
 * caller owns (and destroys) the copy.
 */
export async function loadBriefDoc(deps: Sources, briefId: string): Promise<Y.Doc | null> {
  const state = await loadBriefState(deps, briefId);
  if (!state) return null;
  const doc = new Y.Doc();
  if (state.length > 0) Y.applyUpdate(doc, state);
  return doc;
}
