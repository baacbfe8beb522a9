import type { Context } from "hono";
import { Hono } from "hono";
import type { UpgradeWebSocket, WSContext } from "hono/ws";
import type { WebSocket } from "ws";
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
          const socket = adapt(ws);
          conn = opts.rooms.connect(briefId, socket, verdict);
          stopKeepalive = keepalive(ws.raw, opts.pingIntervalMs, () => conn?.closed());
        },
        onMessage(evt, ws) {
          if (!conn) return;
          const data = evt.data;
          if (typeof data === "string") {
            conn.closed();
            conn = null;
            ws.close(CloseCode.Malformed, "text frames are not part of the protocol");
            return;
          }
          const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : null;
          if (!bytes) return;
          if (bytes.byteLength > opts.maxMessageBytes) {
            opts.log.warn("closing connection after an oversized frame", {
              briefId,
              bytes: bytes.byteLength,
            });
            conn.closed();
            conn = null;
            ws.close(CloseCode.TooLarge, "message too large");
            return;
          }
          conn.receive(bytes);
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

function adapt(ws: WSContext<WebSocket>): CollabSocket {
  return {
    send: (data) => ws.send(data as Uint8Array<ArrayBuffer>),
    close: (code, reason) => ws.close(code, reason),
    get readyState() {
      return ws.readyState;
    },
  };
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
