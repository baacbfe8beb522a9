import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { RoomManager, type RoomManagerOptions } from "../../server/collab/rooms.ts";
import { silentLogger } from "../../server/logger.ts";
import type { DocRepo, Store } from "../../server/store/store.ts";

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
    stateVector: Y.encodeStateVector(new Y.Doc()),
    doc: { type: "doc", content: [] },
  });
}

/** Rooms on `docs` that neither compact nor unload during a test, unless `options` say so. */
export function testRooms(docs: DocRepo, options: Partial<RoomManagerOptions> = {}): RoomManager {
  return new RoomManager({
    docs,
    log: silentLogger,
    compactEvery: 1000,
    idleMs: 60_000,
    ...options,
  });
}
