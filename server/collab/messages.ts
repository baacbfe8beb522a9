import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import type * as Y from "yjs";
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from "../schema/protocol.ts";

/** Sync step 1: our state vector, asking the peer for what we lack. */
export function syncStep1(stateVector: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  encoding.writeVarUint(enc, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(enc, stateVector);
  return encoding.toUint8Array(enc);
}

/** Sync step 2: everything in `doc` the peer's state vector lacks. */
export function syncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(enc, doc, stateVector);
  return encoding.toUint8Array(enc);
}

/** Sync step 2 carrying a whole document already encoded (`Y.encodeStateAsUpdate`). */
export function syncStep2Whole(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  encoding.writeVarUint(enc, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

/** Whether a state vector is empty: the peer has nothing yet and needs the whole document. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/**
 * Whether an update changes nothing: no items and no deletions (a v1 update of two zero
 * counts). A client that has nothing the server lacks answers its sync step 1 with one.
 */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/** A document update message. */
export function syncUpdate(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  syncProtocol.writeUpdate(enc, update);
  return encoding.toUint8Array(enc);
}

/** An awareness message carrying `update` (an encoded awareness update). */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

/** A decoded client frame. Decoding reads the whole frame, so a truncated one throws. */
export type ClientMessage =
  | { type: "sync-step-1"; stateVector: Uint8Array }
  | { type: "update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "query-awareness" };

/** Thrown for a frame that is not a valid y-websocket message. */
export class MalformedMessage extends Error {}

/**
 * Decodes one y-websocket frame from a client. Throws `MalformedMessage` on truncated
 * varints, unknown message types or trailing garbage.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const dec = decoding.createDecoder(data);
    const type = decoding.readVarUint(dec);
    let msg: ClientMessage;
    if (type === MESSAGE_SYNC) {
      const sub = decoding.readVarUint(dec);
      const payload = decoding.readVarUint8Array(dec);
      if (sub === syncProtocol.messageYjsSyncStep1)
        msg = { type: "sync-step-1", stateVector: payload };
      else if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate)
        msg = { type: "update", update: payload };
      else throw new MalformedMessage(`unknown sync message ${sub}`);
    } else if (type === MESSAGE_AWARENESS) {
      msg = { type: "awareness", update: decoding.readVarUint8Array(dec) };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      msg = { type: "query-awareness" };
    } else {
      throw new MalformedMessage(`unknown message type ${type}`);
    }
    if (decoding.hasContent(dec)) throw new MalformedMessage("trailing bytes after message");
    return msg;
  } catch (err) {
    if (err instanceof MalformedMessage) throw err;
    throw new MalformedMessage(`undecodable frame: ${(err as Error).message}`);
  }
}

/** One entry of an awareness update; `state` is the JSON text's UTF-8 bytes, "null" for a removal. */
export interface AwarenessEntry {
  clientID: number;
  clock: number;
  state: Uint8Array;
  removal: boolean;
}

const NULL_STATE = new TextEncoder().encode("null");

/**
 * The entries of an awareness update, read without decoding or parsing the JSON states (each is
 * a view into `update`): enough to tell whether the update changes anything, and to forward it.
 */
export function awarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const dec = decoding.createDecoder(update);
  const n = decoding.readVarUint(dec);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientID = decoding.readVarUint(dec);
    const clock = decoding.readVarUint(dec);
    const state = decoding.readVarUint8Array(dec);
    entries.push({ clientID, clock, state, removal: equalBytes(state, NULL_STATE) });
  }
  return entries;
}

/** An awareness update of these entries (the inverse of `awarenessEntries`). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, entries.length);
  for (const { clientID, clock, state } of entries) {
    encoding.writeVarUint(enc, clientID);
    encoding.writeVarUint(enc, clock);
    encoding.writeVarUint8Array(enc, state);
  }
  return encoding.toUint8Array(enc);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
