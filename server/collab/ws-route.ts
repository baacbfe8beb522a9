import type { Duplex } from "node:stream";
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import { Hono } from "hono";
import type { UpgradeWebSocket } from "hono/ws";
import type { RawData, WebSocket } from "ws";
import type { Logger } from "../logger.ts";
import { BriefId } from "../schema/brief.ts";
import { CloseCode } from "../schema/protocol.ts";
import type { RoomManager } from "./rooms.ts";
import type { Access, CollabSocket } from "./socket.ts";

export interface CollabRouteOptions {
  rooms: RoomManager;
  upgradeWebSocket: UpgradeWebSocket<WebSocket>;
  log: Logger;
  maxMessageBytes: number;
  pingIntervalMs: number;
  /**
   * Decides what a connection may do, before the socket opens. A number is a close code:
   * the socket opens and is closed with it at once, so clients learn why.
   */
  authorize: (c: Context, briefId: string) => Promise<Access | number>;
}

/** `GET /collab/:briefId`: the y-websocket endpoint. */
export function collabRoute(opts: CollabRouteOptions) {
  return new Hono().get(
    "/:briefId",
    opts.upgradeWebSocket(async (c) => {
      const briefId = c.req.param("briefId") ?? "";
      const verdict = BriefId.safeParse(briefId).success
        ? await opts.authorize(c, briefId)
        : CloseCode.NotFound;
      let conn: ReturnType<RoomManager["connect"]> | null = null;
      let stopKeepalive = () => {};
      return {
        onOpen(_evt, ws) {
          if (typeof verdict === "number") {
            ws.close(verdict, verdict === CloseCode.NotFound ? "no such brief" : "access denied");
            return;
          }
          const raw = ws.raw;
          if (!raw) {
            ws.close(CloseCode.InternalError, "no socket");
            return;
          }
          const { socket } = (c.env as HttpBindings).incoming;
          const room = opts.rooms.connect(briefId, new WsCollabSocket(raw, socket), verdict);
          conn = room;
          stopKeepalive = keepalive(raw, opts.pingIntervalMs, () => conn?.closed());
          // Frames are read from `ws` directly, as the Buffers it makes, rather than through
          // Hono's onMessage, which wraps each in a MessageEvent holding a copy. Nothing can
          // arrive before this listener: onOpen runs in the same tick the socket opened in.
          raw.on("message", (data, isBinary) => {
            if (conn !== room) return;
            const refusal = refuse(data, isBinary, opts.maxMessageBytes);
            if (!refusal) {
              room.receive(data as Buffer);
              return;
            }
            if (refusal.code === CloseCode.TooLarge)
              opts.log.warn("closing connection after an oversized frame", {
                briefId,
                bytes: (data as Buffer).byteLength,
              });
            room.closed();
            conn = null;
            raw.close(refusal.code, refusal.reason);
          });
        },
        onClose() {
          stopKeepalive();
          conn?.closed();
          conn = null;
        },
        onError(evt) {
          opts.log.warn("websocket error", { briefId, err: String((evt as ErrorEvent).error) });
        },
      };
    }),
  );
}

/** Why a frame closes its connection, or null when the room should have it. */
function refuse(
  data: RawData,
  isBinary: boolean,
  maxBytes: number,
): { code: number; reason: string } | null {
  if (!isBinary)
    return { code: CloseCode.Malformed, reason: "text frames are not part of the protocol" };
  if (!Buffer.isBuffer(data)) return { code: CloseCode.Malformed, reason: "unexpected frame" };
  if (data.byteLength > maxBytes) return { code: CloseCode.TooLarge, reason: "message too large" };
  return null;
}

/**
 * A `ws` socket as a room sees it. `tcp` is the connection it was upgraded from, which carries
 * its frames. Its methods and getter live once, on the prototype, rather than as new closures
 * for every connection.
 */
class WsCollabSocket implements CollabSocket {
  constructor(
    private readonly ws: WebSocket,
    private readonly tcp: Duplex,
  ) {}
  send(data: Uint8Array): void {
    this.ws.send(data);
  }
  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }
  cork(): void {
    this.tcp.cork();
  }
  uncork(): void {
    this.tcp.uncork();
  }
  get readyState(): number {
    return this.ws.readyState;
  }
}

/**
 * Pings every interval; a socket that has not answered the previous ping is dead (a dropped
 * TCP connection never says goodbye) and is terminated, which removes its presence.
 */
function keepalive(raw: WebSocket | undefined, intervalMs: number, onDead: () => void): () => void {
  if (!raw) return () => {};
  let alive = true;
  raw.on("pong", () => {
    alive = true;
  });
  const timer = setInterval(() => {
    if (!alive) {
      clearInterval(timer);
      onDead();
      raw.terminate();
      return;
    }
    alive = false;
    raw.ping();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
