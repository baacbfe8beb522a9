import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Logger } from "../logger.ts";
import { CloseCode } from "../schema/protocol.ts";
import type { DocRepo, StoredDoc } from "../store/store.ts";
import { docSnapshot } from "./doc-snapshot.ts";
import type { FanoutMessage } from "./fanout.ts";
import {
  type ClientMessage,
  isEmptyStateVector,
  isEmptyUpdate,
  syncStep1,
  syncStep2,
  syncStep2Whole,
  syncUpdate,
} from "./messages.ts";
import { admit, everyonesPresence, PresenceOutbox } from "./presence.ts";
import { type Access, type CollabSocket, OPEN } from "./socket.ts";

export interface RoomOptions {
  docs: DocRepo;
  log: Logger;
  /** Merge the update log into a snapshot after this many updates. */
  compactEvery: number;
  /** Called when the room's `meta` map changes, so listings can follow. */
  onMetaChange?: (room: Room) => void;
  /** Hands updates from this instance's clients to the other instances. */
  publish?: (msg: FanoutMessage) => void;
  /** Asks for `room.endTurn()` once the current event-loop turn's messages are in. */
  schedule: (room: Room) => void;
  /** Presence goes out at most once per this many ms (0: every turn); see `PresenceOutbox`. */
  presenceIntervalMs?: number;
}

/** A brief's whole stored state, as one update, and its state vector. */
interface StoredState {
  state: Uint8Array;
  stateVector: Uint8Array;
}

/** Updates applied but not yet written, and where they came from. */
export interface PendingWrite {
  updates: Uint8Array[];
  /** The origin (connection) of all of them, or `SEVERAL`. */
  from: unknown;
}

/** A batch's updates came from more than one origin. */
const SEVERAL = Symbol("several");

interface Connection {
  access: Access;
  /** Awareness client ids this connection has announced. */
  clients: Set<number>;
}

/**
 * From this many receivers on, a turn's updates go out merged into one message. Merging costs
 * tens of µs per update (a turn of a fast writer holds a hundred), a message a few µs per
 * receiver: rooms of a few people get the updates as they came, in one write each.
 */
const MERGE_FROM_RECEIVERS = 8;

/** Origin of updates that come from the store or another instance: never re-persisted. */
export const REMOTE_ORIGIN = Symbol("remote");
/** Origin of the stored state a loaded room applies: already stored, and no one's news. */
const STORED_ORIGIN = Symbol("stored");

/**
 * One brief's live document. Every update a client sends is applied, written to the store,
 * then broadcast: updates that arrive in one event-loop turn are written in one group commit
 * (with every other room's, when the store writes synchronously) and sent together, in one
 * write to each connection (merged into one message in a big room). A room only ever
 * forwards what is durable. Presence that changed goes out as one
 * awareness message, at the end of a turn, at most once per presence interval.
 */
export class Room {
  private readonly ydoc = new Y.Doc();
  /**
   * The stored state, until the document is first needed. People opening a brief get it as
   * their sync reply as it is, so a cold 100-page brief reaches its first reader without
   * waiting for the server to build its own copy first.
   */
  private unapplied: StoredState | null = null;
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  private readonly conns = new Map<CollabSocket, Connection>();
  /**
   * Made by the turn's first update, like `outUpdates`: a room holds nothing from one turn to
   * the next, which would otherwise outlive the garbage collector's young generation.
   */
  private batch: PendingWrite | null = null;
  /** Durable updates this turn sends. */
  private outUpdates: Uint8Array[] | null = null;
  /**
   * The one connection they came from, which needn't hear them back; null when several did,
   * undefined when nothing is waiting.
   */
  private updatesFrom: CollabSocket | null | undefined;
  private readonly presence: PresenceOutbox;
  /** Resolves when every update applied so far is durable and broadcast. */
  private writes: Promise<void> = Promise.resolve();
  private lastSeq = 0;
  private sinceCompact = 0;
  private failed = false;
  /** HTTP requests (edits, exports) using the room; it stays loaded while any hold it. */
  private holds = 0;
  private compacting: Promise<void> | null = null;
  /** `encodedState()`'s last answer, until the document changes. */
  private encoded: Uint8Array | null = null;

  /** `stored`: the brief's whole stored state, if it has any. */
  private constructor(
    readonly briefId: string,
    private readonly opts: RoomOptions,
    stored: StoredState | null,
  ) {
    this.presence = new PresenceOutbox(opts.presenceIntervalMs ?? 0, () => opts.schedule(this));
    this.awareness.setLocalState(null);
    this.ydoc.getMap("meta").observe(() => opts.onMetaChange?.(this));
    // What the store holds is neither written again nor sent as an update to the people
    // opening the brief, who get it as their sync reply. It is the whole document, so that
    // reply needn't encode it again.
    this.unapplied = stored;
    this.encoded = stored?.state ?? null;
    this.ydoc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /** The live document, with the stored state applied the first time it is asked for. */
  get doc(): Y.Doc {
    const stored = this.unapplied;
    if (stored) {
      this.unapplied = null;
      try {
        Y.applyUpdate(this.ydoc, stored.state, STORED_ORIGIN);
      } catch (err) {
        // Half a document must never be edited, nor compacted over the stored one.
        this.fail(err, "applying the stored document failed", "could not load brief");
      }
    }
    return this.ydoc;
  }

  /** Loads a brief's stored state; null when the brief does not exist. */
  static async load(briefId: string, opts: RoomOptions): Promise<Room | null> {
    const stored = await opts.docs.load(briefId);
    if (!stored) return null;
    const room = new Room(briefId, opts, wholeState(stored));
    room.lastSeq = stored.lastSeq;
    room.sinceCompact = stored.updates.length;
    return room;
  }

  /** Connections plus HTTP requests currently using the room; it unloads at zero. */
  get size(): number {
    return this.conns.size + this.holds;
  }

  hold(): void {
    this.holds++;
  }
  unhold(): void {
    this.holds--;
  }

  /** Adds a connection and starts the sync handshake with it. */
  join(socket: CollabSocket, access: Access): void {
    this.conns.set(socket, { access, clients: new Set() });
    send(socket, syncStep1(this.unapplied?.stateVector ?? Y.encodeStateVector(this.ydoc)));
    if (this.awareness.states.size > 0) send(socket, everyonesPresence(this.awareness));
  }

  /** Removes a connection and its presence; returns true when the room is now empty. */
  leave(socket: CollabSocket): boolean {
    const conn = this.conns.get(socket);
    if (!conn) return this.size === 0;
    this.conns.delete(socket);
    if (conn.clients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clients], null);
    }
    return this.size === 0;
  }

  /** Handles one decoded message from a connection. */
  receive(socket: CollabSocket, msg: ClientMessage): void {
    const conn = this.conns.get(socket);
    if (!conn) return;
    switch (msg.type) {
      case "sync-step-1":
        // Reply only with durable state: wait for writes in flight. Updates already applied
        // but still waiting for this turn's group commit are in `this.doc` too, so write them
        // now; otherwise the reply would forward them before they are written.
        this.writeNow();
        void this.writes.then(() => send(socket, this.syncReply(msg.stateVector)));
        return;
      case "update":
        if (!conn.access.canWrite || isEmptyUpdate(msg.update)) return;
        Y.applyUpdate(this.doc, msg.update, socket);
        return;
      case "awareness": {
        const admitted = admit(this.awareness, msg.update);
        if (!admitted) return;
        awarenessProtocol.applyAwarenessUpdate(this.awareness, admitted.update, socket);
        // A re-stamped clock reaches the client only if the room echoes it back.
        if (admitted.restamped) this.presence.echo();
        return;
      }
      case "query-awareness":
        send(socket, everyonesPresence(this.awareness));
        return;
    }
  }

  /** Applies what another instance published (already stored there), or stored state. */
  applyRemote(msg: FanoutMessage): void {
    if (msg.kind === "doc") Y.applyUpdate(this.doc, msg.payload, REMOTE_ORIGIN);
    else awarenessProtocol.applyAwarenessUpdate(this.awareness, msg.payload, REMOTE_ORIGIN);
  }

  /** Resolves once every update so far is written (and broadcast). */
  async flush(): Promise<void> {
    this.writeNow();
    await this.writes;
  }

  /** Writes a snapshot of the whole document and drops the log it covers. */
  async compact(): Promise<void> {
    await this.flush();
    await this.compacting;
    if (this.failed) return;
    await this.compactStored();
  }

  /**
   * Merges the stored log into the snapshot. A room that is the brief's only writer (one
   * instance) snapshots its own document: everything stored came through it, and updates
   * applied but not yet written are harmless in a snapshot (they are logged later, and applying
   * one twice changes nothing). With several instances it merges what the store holds instead:
   * another instance may have stored updates this room has not received yet.
   */
  private async compactStored(): Promise<void> {
    const logged = this.sinceCompact;
    this.sinceCompact = 0;
    if (!this.opts.publish) {
      if (logged === 0) return;
      await this.opts.docs.compact(this.briefId, docSnapshot(this.doc), this.lastSeq);
      return;
    }
    const stored = await this.opts.docs.load(this.briefId);
    if (!stored || stored.updates.length === 0) return;
    const doc = new Y.Doc();
    Y.applyUpdate(
      doc,
      merged(stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates),
    );
    const snapshot = docSnapshot(doc);
    doc.destroy();
    await this.opts.docs.compact(this.briefId, snapshot, stored.lastSeq);
  }

  /** Closes every connection with `code`. */
  closeAll(code: number, reason: string): void {
    for (const socket of [...this.conns.keys()]) {
      this.leave(socket);
      socket.close(code, reason);
    }
  }

  /** Closes the connections of one user (access revoked). */
  closeUser(userId: string, code: number, reason: string): void {
    this.closeWhere((access) => access.userId === userId, code, reason);
  }

  /** Closes the sockets of one sign-in session (its owner signed out). */
  closeSession(session: string, code: number, reason: string): void {
    this.closeWhere((access) => access.session === session, code, reason);
  }

  private closeWhere(which: (access: Access) => boolean, code: number, reason: string): void {
    for (const [socket, conn] of [...this.conns]) {
      if (!which(conn.access)) continue;
      this.leave(socket);
      socket.close(code, reason);
    }
  }

  destroy(): void {
    this.presence.destroy();
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  /**
   * The whole document as one update, for readers elsewhere (export and check workers);
   * encoded once per change, however many exports and checks ask in between.
   */
  encodedState(): Uint8Array {
    this.encoded ??= Y.encodeStateAsUpdate(this.doc);
    return this.encoded;
  }

  /**
   * Sync step 2 for a peer's state vector. People opening a brief have nothing yet, and
   * share one encoding of the whole document until it changes.
   */
  private syncReply(stateVector: Uint8Array): Uint8Array {
    return isEmptyStateVector(stateVector)
      ? syncStep2Whole(this.encodedState())
      : syncStep2(this.doc, stateVector);
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORED_ORIGIN) return;
    this.encoded = null;
    if (origin === REMOTE_ORIGIN) {
      this.queueUpdate(update, null);
    } else if (!this.batch) {
      this.batch = { updates: [update], from: origin };
    } else {
      this.batch.updates.push(update);
      if (this.batch.from !== origin) this.batch.from = SEVERAL;
    }
    this.opts.schedule(this);
  };

  /** Takes the updates applied since the last write, if any. */
  takeBatch(): PendingWrite | null {
    const batch = this.batch;
    if (!batch || this.failed) return null;
    this.batch = null;
    return batch;
  }

  /** Writes the pending updates now (alone), and sends them. */
  private writeNow(): void {
    const batch = this.takeBatch();
    if (!batch) return;
    const { docs } = this.opts;
    if (docs.appendNow) {
      const [result] = docs.appendNow([{ briefId: this.briefId, updates: batch.updates }]);
      this.written(batch, result!);
      this.endTurn();
    } else {
      this.writeLater(batch);
    }
  }

  /** Writes through an asynchronous store; the turn's sends wait for nothing else. */
  writeLater(batch: PendingWrite): void {
    this.writes = this.writes.then(async () => {
      if (this.failed) return;
      let result: number | Error;
      try {
        result = await this.opts.docs.append(this.briefId, batch.updates);
      } catch (err) {
        result = err instanceof Error ? err : new Error(String(err));
      }
      this.written(batch, result);
      this.endTurn();
    });
  }

  /** A batch is stored (its last seq) or could not be (the error). */
  written(batch: PendingWrite, result: number | Error): void {
    if (this.failed) return;
    if (result instanceof Error) {
      this.fail(result, "persisting updates failed", "could not save changes");
      return;
    }
    this.lastSeq = result;
    const only = batch.from === SEVERAL ? null : (batch.from as CollabSocket);
    for (const update of batch.updates) this.queueUpdate(update, only);
    this.opts.publish?.({ kind: "doc", payload: merged(batch.updates) });
    this.sinceCompact += batch.updates.length;
    if (this.sinceCompact >= this.opts.compactEvery && !this.compacting) {
      // Off the write chain, so broadcasts don't wait for it. An optimisation only: a
      // failure leaves the log intact.
      this.compacting = this.compactStored()
        .catch((e: unknown) =>
          this.opts.log.error("compaction failed", { briefId: this.briefId, err: String(e) }),
        )
        .finally(() => {
          this.compacting = null;
        });
    }
  }

  private queueUpdate(update: Uint8Array, from: CollabSocket | null): void {
    if (this.outUpdates) this.outUpdates.push(update);
    else this.outUpdates = [update];
    this.updatesFrom = this.updatesFrom === undefined || this.updatesFrom === from ? from : null;
  }

  /**
   * Sends what the turn produced: the durable updates as one message, and the presence that
   * changed (when the presence interval allows) as another, each to everyone but the one
   * connection it came from.
   */
  endTurn(): void {
    const updates = this.outUpdates;
    const updatesFrom = this.updatesFrom;
    this.outUpdates = null;
    this.updatesFrom = undefined;
    const receivers = this.conns.size - (updatesFrom && this.conns.has(updatesFrom) ? 1 : 0);
    const messages =
      !updates || receivers === 0
        ? []
        : updates.length === 1 || receivers >= MERGE_FROM_RECEIVERS
          ? [syncUpdate(merged(updates))]
          : updates.map(syncUpdate);
    const presence = this.presence.take(this.awareness);
    if (messages.length === 0 && !presence) return;
    for (const socket of this.conns.keys()) {
      const updated = messages.length > 0 && socket !== updatesFrom;
      const told = presence !== null && socket !== presence.from;
      // An edit usually comes with its caret move: what a socket gets leaves in one write.
      const corked = (updated ? messages.length : 0) + (told ? 1 : 0) > 1;
      if (corked) socket.cork?.();
      if (updated) for (const message of messages) send(socket, message);
      if (told) send(socket, presence.message);
      if (corked) socket.uncork?.();
    }
  }

  /**
   * A write, or applying the stored document, failed: nothing more is written or forwarded;
   * clients reconnect and resend what they have.
   */
  private fail(err: unknown, what: string, reason: string): void {
    this.failed = true;
    this.opts.log.error(`${what}; closing room`, { briefId: this.briefId, err: String(err) });
    this.closeAll(CloseCode.InternalError, reason);
  }

  get broken(): boolean {
    return this.failed;
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    const conn = this.conns.get(origin as CollabSocket);
    if (conn) {
      for (const id of [...added, ...updated]) conn.clients.add(id);
      for (const id of removed) conn.clients.delete(id);
    }
    this.presence.add(changed, conn ? (origin as CollabSocket) : null);
    this.opts.schedule(this);
    if (origin !== REMOTE_ORIGIN && this.opts.publish) {
      this.opts.publish({
        kind: "awareness",
        payload: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      });
    }
  };
}

/** Updates as one update (the one itself when alone). */
function merged(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

/** What a brief's store holds as one update with its state vector; null if it holds nothing. */
function wholeState(stored: StoredDoc): StoredState | null {
  const { snapshot, snapshotStateVector, updates } = stored;
  // A snapshot alone (the store's state after a room unloads) comes with its vector.
  if (snapshot && snapshotStateVector && updates.length === 0)
    return { state: snapshot, stateVector: snapshotStateVector };
  const all = snapshot ? [snapshot, ...updates] : updates;
  if (all.length === 0) return null;
  const state = merged(all);
  // Reading the state vector off the encoding walks all of it, so a truncated state fails
  // the load here, before anyone is sent it.
  return { state, stateVector: Y.encodeStateVectorFromUpdate(state) };
}

function send(socket: CollabSocket, message: Uint8Array): void {
  if (socket.readyState !== OPEN) return;
  try {
    socket.send(message);
  } catch {
    socket.close(CloseCode.InternalError, "send failed");
  }
}
