import * as Y from "yjs";
import type { Logger } from "../logger.ts";
import { CloseCode } from "../schema/protocol.ts";
import type { DocRepo } from "../store/store.ts";
import type { ControlMessage, Fanout, FanoutMessage } from "./fanout.ts";
import { decodeClientMessage, MalformedMessage } from "./messages.ts";
import { Room } from "./room.ts";
import type { Access, CollabSocket } from "./socket.ts";
import { Turns } from "./turns.ts";

export interface RoomManagerOptions {
  docs: DocRepo;
  log: Logger;
  compactEvery: number;
  /** How long an empty room stays loaded, in ms. */
  idleMs: number;
  /** Presence goes out at most once per this many ms per room (see `RoomOptions`). */
  presenceIntervalMs?: number;
  onMetaChange?: (room: Room) => void;
  /** Set when several instances serve the same briefs (Redis). */
  fanout?: Fanout;
}

/** A connection's handle: feed it frames; it buffers them until the room has loaded. */
export interface RoomConnection {
  receive(data: Uint8Array): void;
  /** The socket closed (or was dropped): leave the room. */
  closed(): void;
}

interface Entry {
  ready: Promise<Room | null>;
  room: Room | null;
  idleTimer: NodeJS.Timeout | null;
  /** Set while unloading; a new connection waits for it before loading afresh. */
  unloading: Promise<void> | null;
  unsubscribe: (() => Promise<void>) | null;
}

/**
 * Loads rooms on first connection, unloads them a while after the last one leaves, and
 * flushes all of them on shutdown.
 */
export class RoomManager {
  private readonly entries = new Map<string, Entry>();
  private readonly turns: Turns;

  constructor(private readonly opts: RoomManagerOptions) {
    this.turns = new Turns(opts.docs);
  }

  /**
   * Connects a socket to a brief's room. Returns synchronously so the caller can attach
   * its message listener at once: frames received while the room loads are buffered and
   * replayed in order.
   */
  connect(briefId: string, socket: CollabSocket, access: Access): RoomConnection {
    let room: Room | null = null;
    let gone = false;
    const buffered: Uint8Array[] = [];
    const handle = (data: Uint8Array): void => {
      if (!room || gone) return;
      try {
        room.receive(socket, decodeClientMessage(data));
      } catch (err) {
        const malformed = err instanceof MalformedMessage;
        this.opts.log.warn("closing connection after a bad frame", {
          briefId,
          err: (err as Error).message,
        });
        this.drop(briefId, room, socket);
        gone = true;
        socket.close(CloseCode.Malformed, malformed ? "malformed message" : "invalid update");
      }
    };
    void this.acquire(briefId).then(
      (loaded) => {
        if (gone) {
          if (loaded) this.release(briefId, loaded);
          return;
        }
        if (!loaded) {
          gone = true;
          socket.close(CloseCode.NotFound, "no such brief");
          return;
        }
        room = loaded;
        room.join(socket, access);
        for (const data of buffered.splice(0)) handle(data);
      },
      (err: unknown) => {
        this.opts.log.error("loading room failed", { briefId, err: String(err) });
        gone = true;
        socket.close(CloseCode.InternalError, "could not load brief");
      },
    );
    return {
      receive: (data) => (room ? handle(data) : buffered.push(data)),
      closed: () => {
        if (gone) return;
        gone = true;
        if (room) this.drop(briefId, room, socket);
      },
    };
  }

  /** The loaded room for a brief, if any (export and GET read the live state from it). */
  loaded(briefId: string): Room | null {
    return this.entries.get(briefId)?.room ?? null;
  }

  /**
   * Runs `fn` on a brief's live room, loading it if needed (an HTTP edit or an export):
   * changes made in `fn` are persisted and broadcast like any client's. Null: no such brief.
   */
  async withRoom<T>(briefId: string, fn: (room: Room) => T | Promise<T>): Promise<T | null> {
    const room = await this.acquire(briefId);
    if (!room) return null;
    room.hold();
    try {
      const result = await fn(room);
      await room.flush();
      return result;
    } finally {
      room.unhold();
      this.release(briefId, room);
    }
  }

  /** Number of people present in a brief right now (awareness states). */
  presence(briefId: string): number {
    return this.loaded(briefId)?.awareness.getStates().size ?? 0;
  }

  /**
   * Closes every socket on a brief (deleted, or access changed) and unloads it, on this
   * instance and, through the fan-out, on every other.
   */
  async evict(briefId: string, code: number, reason: string): Promise<void> {
    await this.evictLocal(briefId, code, reason);
    await this.opts.fanout?.publishControl({ type: "evict", briefId, code, reason });
  }

  /** Closes one user's sockets on a brief (share revoked), on every instance. */
  async revoke(briefId: string, userId: string, code: number, reason: string): Promise<void> {
    this.loaded(briefId)?.closeUser(userId, code, reason);
    await this.opts.fanout?.publishControl({ type: "revoke", briefId, userId, code, reason });
  }

  /** Closes the sockets of one sign-in session (signed out), in every brief, on every instance. */
  async endSession(session: string, code: number, reason: string): Promise<void> {
    this.closeSessionLocal(session, code, reason);
    await this.opts.fanout?.publishControl({ type: "end-session", session, code, reason });
  }

  private closeSessionLocal(session: string, code: number, reason: string): void {
    for (const { room } of this.entries.values()) room?.closeSession(session, code, reason);
  }

  /** Acts on an access change published by any instance. */
  handleControl(msg: ControlMessage): void {
    if (msg.type === "end-session") {
      if (msg.session) this.closeSessionLocal(msg.session, msg.code, msg.reason);
    } else if (!msg.briefId) {
      return;
    } else if (msg.type === "evict") {
      void this.evictLocal(msg.briefId, msg.code, msg.reason);
    } else if (msg.userId) {
      this.loaded(msg.briefId)?.closeUser(msg.userId, msg.code, msg.reason);
    }
  }

  private async evictLocal(briefId: string, code: number, reason: string): Promise<void> {
    const entry = this.entries.get(briefId);
    const room = entry ? await entry.ready : null;
    if (!room) return;
    room.closeAll(code, reason);
    await this.unload(briefId, room, false);
  }

  /** Flushes and compacts every room, closing its sockets; for shutdown. */
  async shutdown(): Promise<void> {
    const pending = [...this.entries.entries()].map(async ([briefId, entry]) => {
      const room = await entry.ready.catch(() => null);
      if (!room) return;
      room.closeAll(CloseCode.GoingAway, "server shutting down");
      await this.unload(briefId, room, true);
    });
    await Promise.all(pending);
  }

  get size(): number {
    return this.entries.size;
  }

  private async acquire(briefId: string): Promise<Room | null> {
    let entry = this.entries.get(briefId);
    while (entry?.unloading) {
      await entry.unloading;
      entry = this.entries.get(briefId);
    }
    if (!entry) {
      const created: Entry = {
        ready: Promise.resolve(null),
        room: null,
        idleTimer: null,
        unloading: null,
        unsubscribe: null,
      };
      created.ready = this.load(briefId, created);
      created.ready.catch(() => this.entries.delete(briefId));
      this.entries.set(briefId, created);
      entry = created;
    }
    if (entry.idleTimer) {
      clearTimeout(entry.idleTimer);
      entry.idleTimer = null;
    }
    const room = await entry.ready;
    if (room?.broken) {
      await this.unload(briefId, room, false);
      return this.acquire(briefId);
    }
    return room;
  }

  /**
   * Loads a room. With fan-out it subscribes first and buffers what arrives, then loads
   * the store and replays the buffer: an update stored elsewhere while this room loads is
   * either in the store or in the buffer, never in neither.
   */
  private async load(briefId: string, entry: Entry): Promise<Room | null> {
    const { fanout } = this.opts;
    const early: FanoutMessage[] = [];
    let target: Room | null = null;
    if (fanout) {
      entry.unsubscribe = await fanout.subscribe(briefId, (msg) =>
        target ? target.applyRemote(msg) : early.push(msg),
      );
    }
    // Every property written out, in one literal: spreading the manager's options and adding a
    // closure gave each room's options a hidden class of its own, so that every read of them
    // in a room's hot paths was a megamorphic look-up that missed.
    const { docs, log, compactEvery, onMetaChange, presenceIntervalMs } = this.opts;
    const room = await Room.load(briefId, {
      docs,
      log,
      compactEvery,
      onMetaChange,
      presenceIntervalMs,
      schedule: this.turns.schedule,
      publish: fanout ? (msg: FanoutMessage) => fanout.publish(briefId, msg) : undefined,
    }).catch(async (err: unknown) => {
      await entry.unsubscribe?.();
      throw err;
    });
    entry.room = room;
    if (!room) {
      await entry.unsubscribe?.();
      this.entries.delete(briefId);
      return null;
    }
    target = room;
    for (const msg of early.splice(0)) room.applyRemote(msg);
    return room;
  }

  /** Re-reads every loaded room's stored state (after a fan-out outage, to close gaps). */
  async catchUp(): Promise<void> {
    for (const [briefId, entry] of this.entries) {
      const room = entry.room;
      const stored = room ? await this.opts.docs.load(briefId) : null;
      if (!room || !stored) continue;
      const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
      if (parts.length > 0) room.applyRemote({ kind: "doc", payload: Y.mergeUpdates(parts) });
    }
  }

  private drop(briefId: string, room: Room, socket: CollabSocket): void {
    if (room.leave(socket)) this.release(briefId, room);
  }

  private release(briefId: string, room: Room): void {
    const entry = this.entries.get(briefId);
    if (!entry || entry.room !== room || room.size > 0) return;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (room.size === 0) void this.unload(briefId, room, true);
    }, this.opts.idleMs);
    entry.idleTimer.unref();
  }

  private unload(briefId: string, room: Room, compact: boolean): Promise<void> {
    const entry = this.entries.get(briefId);
    if (!entry || entry.room !== room) return Promise.resolve();
    if (entry.unloading) return entry.unloading;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.unloading = (async () => {
      try {
        if (compact && !room.broken) await room.compact();
        else await room.flush();
      } catch (err) {
        this.opts.log.error("saving room on unload failed", { briefId, err: String(err) });
      } finally {
        await entry.unsubscribe?.();
        room.destroy();
        this.entries.delete(briefId);
      }
    })();
    return entry.unloading;
  }
}
