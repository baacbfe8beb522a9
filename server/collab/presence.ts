import * as awarenessProtocol from "y-protocols/awareness";
import {
  type AwarenessEntry,
  awarenessEntries,
  awarenessMessage,
  encodeAwarenessEntries,
} from "./messages.ts";
import type { CollabSocket } from "./socket.ts";

/**
 * The presence a room has yet to send: the awareness clients that changed, as one message at
 * most once per interval. Browsers move the cursor on every keystroke and echo every presence
 * message they receive, so in a big room presence is most of the traffic; batching it costs
 * cursors a few frames and edits nothing.
 */
export class PresenceOutbox {
  /** Made when something changes, so a quiet room holds nothing between its messages. */
  private changed: Set<number> | null = null;
  /** The one connection the changes came from (it needn't hear them); null: several, or all must. */
  private from: CollabSocket | null | undefined;
  private sentAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;

  /** `wake` is called when changes held back by the interval become due. */
  constructor(
    private readonly intervalMs: number,
    private readonly wake: () => void,
  ) {}

  /** Clients whose presence changed, from one connection (null: from the room itself). */
  add(clients: readonly number[], from: CollabSocket | null): void {
    this.changed ??= new Set();
    for (const id of clients) this.changed.add(id);
    this.from = this.from === undefined || this.from === from ? from : null;
  }

  /** The sender must hear its own change too (its clock was re-stamped). */
  echo(): void {
    this.from = null;
  }

  /**
   * The message due now and the connection that needn't get it; null when nothing is due
   * (a timer wakes the room when held-back changes are).
   */
  take(
    awareness: awarenessProtocol.Awareness,
  ): { message: Uint8Array; from: CollabSocket | null } | null {
    if (!this.changed || this.timer) return null;
    const wait = this.sentAt + this.intervalMs - performance.now();
    if (wait > 0) {
      // In whole milliseconds: Node keeps a timer list per distinct duration, and fractional
      // waits would each make (and sort in, and later remove) a list of their own.
      this.timer = setTimeout(() => {
        this.timer = null;
        this.wake();
      }, Math.ceil(wait));
      return null;
    }
    const message = presenceMessage(awareness, this.changed);
    const from = this.from ?? null;
    this.changed = null;
    this.from = undefined;
    this.sentAt = performance.now();
    return { message, from };
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** A client's awareness update as the room takes it in (see `admit`). */
export interface Admitted {
  /** The update to apply: the client's own bytes, unless a clock was re-stamped. */
  update: Uint8Array;
  /** Some clock was re-stamped, so the sender must hear the update back. */
  restamped: boolean;
}

/**
 * Reads a client's awareness update once, without parsing its JSON states. Stock y-websocket
 * clients echo every awareness update they receive, so a room of N people sees each change N
 * times: an update whose every entry is already known is dropped here (null). A reconnecting
 * person's announcement is re-stamped (see `revive`).
 */
export function admit(awareness: awarenessProtocol.Awareness, update: Uint8Array): Admitted | null {
  const entries = awarenessEntries(update);
  if (entries.every((entry) => isKnown(awareness, entry))) return null;
  let restamped = false;
  for (const entry of entries) restamped = revive(awareness, entry) || restamped;
  return {
    update: restamped ? encodeAwarenessEntries(entries) : update,
    restamped,
  };
}

function isKnown(awareness: awarenessProtocol.Awareness, entry: AwarenessEntry): boolean {
  const { clientID, clock, removal } = entry;
  const meta = awareness.meta.get(clientID);
  if (!meta) return removal;
  if (clock > meta.clock) return false;
  if (!removal && !awareness.states.has(clientID)) return false; // see `revive`
  return !(clock === meta.clock && removal && awareness.states.has(clientID));
}

/**
 * When a connection closes, its people's presence is removed with their clock bumped. A client
 * that reconnects announces itself with the clock it had, which that removal outranks: the
 * room and every peer would ignore it until the client next renews its state (up to 30 s
 * without a caret). Such an announcement is re-stamped one past the removal, so the person
 * reappears at once; the client adopts the new clock when the room echoes it back.
 */
function revive(awareness: awarenessProtocol.Awareness, entry: AwarenessEntry): boolean {
  const meta = awareness.meta.get(entry.clientID);
  if (!meta || entry.removal || awareness.states.has(entry.clientID)) return false;
  if (entry.clock > meta.clock) return false;
  entry.clock = meta.clock + 1;
  return true;
}

/**
 * An awareness message of these clients' current presence (a removal for those gone). The
 * states are serialised when a message goes out rather than kept as the clients sent them:
 * a second of copies outlived the garbage collector's young generation, which cost more than
 * serialising them again.
 */
export function presenceMessage(
  awareness: awarenessProtocol.Awareness,
  clients: Iterable<number>,
): Uint8Array {
  return awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]));
}

/** Every present client's state, for someone who has just joined or asked. */
export function everyonesPresence(awareness: awarenessProtocol.Awareness): Uint8Array {
  return presenceMessage(awareness, awareness.states.keys());
}
