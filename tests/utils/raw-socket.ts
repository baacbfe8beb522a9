import { WebSocket } from "ws";
import { withToken } from "./auth.ts";

export interface RawSocket {
  ws: WebSocket;
  /** Binary frames received so far, in order. */
  received: Uint8Array[];
  /** Resolves when the socket is open; rejects if it fails first. */
  opened: Promise<void>;
  /** Resolves with the close code and reason once the socket has closed. */
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array): void;
  /** Resolves with the first frame received (now or later) that `match` accepts. */
  next(match: (frame: Uint8Array) => boolean, timeoutMs?: number): Promise<Uint8Array>;
}

/**
 * A bare `ws` client, for sending crafted frames a y-websocket provider never would and
 * reading the close code the server answers with. Without `?token=` in `url` it signs in
 * with the server's default test token; `{ auth: false }` connects anonymously.
 */
export function openRawSocket(url: string, opts: { auth?: boolean } = {}): RawSocket {
  const ws = new WebSocket(opts.auth === false ? url : withToken(url));
  const received: Uint8Array[] = [];
  const waiters = new Set<(frame: Uint8Array) => void>();
  ws.binaryType = "nodebuffer";
  ws.on("message", (data: Buffer, isBinary: boolean) => {
    if (!isBinary) return;
    const frame = new Uint8Array(data);
    received.push(frame);
    for (const w of [...waiters]) w(frame);
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  // A refused or failed handshake still ends in "close"; errors must not go unhandled.
  ws.on("error", () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  return {
    ws,
    received,
    opened,
    closed,
    send: (frame) => ws.send(frame),
    next(match, timeoutMs = 5000) {
      const seen = received.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error("no matching frame in time"));
        }, timeoutMs);
        const waiter = (frame: Uint8Array) => {
          if (!match(frame)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(frame);
        };
        waiters.add(waiter);
      });
    },
  };
}

/** Resolves with a socket's close code, or rejects if it stays open past `timeoutMs`. */
export async function closeCode(socket: RawSocket, timeoutMs = 5000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("socket was not closed in time")), timeoutMs);
  });
  try {
    return (await Promise.race([socket.closed, timeout])).code;
  } finally {
    clearTimeout(timer);
  }
}
