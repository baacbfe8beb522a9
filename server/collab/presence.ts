import type * as awarenessProtocol from "y-protocols/awareness";
import { awarenessEntries, awarenessMessage, encodeAwarenessEntries } from "./messages.ts";
import type { CollabSocket } from "./socket.ts";

/**
 * The presence a room has yet to send: the awareness clients that changed, as one message at
 * most once per interval. Browsers move the cursor on every keystroke and echo every presence
 * message they receive, so in a big room presence is most of the traffic; batching it costs
 * cursors a few frames and edits nothing.
 */
export class PresenceOutbox {
  private changed = new Set<number>();
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
    if (this.changed.size === 0 || this.timer) return null;
    const wait = this.sentAt + this.intervalMs - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.wake();
      }, wait);
      return null;
    }
    const message = awarenessMessage(awareness, [...this.changed]);
    const from = this.from ?? null;
    this.changed = new Set();
    this.from = undefined;
    this.sentAt = performance.now();
    return { message, from };
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/**
 * Stock y-websocket clients echo every awareness update they receive, so a room of N people
 * sees each change N times. Drop an update whose every entry is already known, before the
 * cost of parsing its JSON states.
 */
export function isStale(awareness: awarenessProtocol.Awareness, update: Uint8Array): boolean {
  const entries = awarenessEntries(update);
  return entries.every(({ clientID, clock, removal }) => {
    const meta = awareness.meta.get(clientID);
    if (!meta) return removal;
    if (clock > meta.clock) return false;
    if (!removal && !awareness.states.has(clientID)) return false; // see `revived`
    return !(clock === meta.clock && removal && awareness.states.has(clientID));
  });
}

/**
 * When a connection closes, its people's presence is removed with their clock bumped. A client
 * that reconnects announces itself with the clock it had, which that removal outranks: the
 * room and every peer would ignore it until the client next renews its state (up to 30 s
 * without a caret). Such an announcement is re-stamped one past the removal, so the person
 * reappears at once; the client adopts the new clock when the room echoes it back.
 */
export function revived(awareness: awarenessProtocol.Awareness, update: Uint8Array): Uint8Array {
  const entries = awarenessEntries(update);
  let changed = false;
  for (const entry of entries) {
    const meta = awareness.meta.get(entry.clientID);
    if (!meta || entry.removal || awareness.states.has(entry.clientID)) continue;
    if (entry.clock > meta.clock) continue;
    entry.clock = meta.clock + 1;
    changed = true;
  }
  return changed ? encodeAwarenessEntries(entries) : update;
}
