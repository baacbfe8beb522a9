import { randomBytes } from "node:crypto";
import type { Logger } from "../logger.ts";
import {
  type ControlMessage,
  decodeFanout,
  encodeFanout,
  type Fanout,
  type FanoutMessage,
} from "./fanout.ts";

const CONTROL_CHANNEL = "briefroom:control";
const briefChannel = (briefId: string) => `briefroom:brief:${briefId}`;

/** Fan-out over Redis pub/sub: one channel per brief, one for access changes. */
export async function connectRedisFanout(url: string, log: Logger): Promise<Fanout> {
  // Loaded only when Redis is configured: a single instance never needs it.
  const { Redis } = await import("ioredis");
  const instance = randomBytes(8);
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  for (const client of [pub, sub]) {
    client.on("error", (err: Error) => log.warn("redis error", { err: err.message }));
  }
  await Promise.all([pub.connect(), sub.connect()]);
  const reconnectHandlers: (() => void)[] = [];
  let connectedOnce = false;
  sub.on("ready", () => {
    if (connectedOnce) for (const h of reconnectHandlers) h();
    connectedOnce = true;
  });
  connectedOnce = sub.status === "ready";

  const handlers = new Map<string, (msg: FanoutMessage) => void>();
  const controlHandlers: ((msg: ControlMessage) => void)[] = [];
  sub.on("messageBuffer", (channelBuf: Buffer, frame: Buffer) => {
    const channel = channelBuf.toString();
    if (channel === CONTROL_CHANNEL) {
      const msg = JSON.parse(frame.toString()) as ControlMessage;
      for (const h of controlHandlers) h(msg);
      return;
    }
    const msg = decodeFanout(instance, frame);
    if (msg) handlers.get(channel)?.(msg);
  });
  await sub.subscribe(CONTROL_CHANNEL);

  return {
    async subscribe(briefId, onMessage) {
      const channel = briefChannel(briefId);
      handlers.set(channel, onMessage);
      await sub.subscribe(channel);
      return async () => {
        if (handlers.get(channel) !== onMessage) return;
        handlers.delete(channel);
        await sub.unsubscribe(channel).catch(() => {});
      };
    },
    publish(briefId, msg) {
      pub.publish(briefChannel(briefId), encodeFanout(instance, msg)).catch((err: Error) => {
        log.warn("redis publish failed", { briefId, err: err.message });
      });
    },
    onControl(handler) {
      controlHandlers.push(handler);
    },
    async publishControl(msg) {
      await pub.publish(CONTROL_CHANNEL, JSON.stringify(msg));
    },
    onReconnect(handler) {
      reconnectHandlers.push(handler);
    },
    async close() {
      sub.disconnect();
      pub.disconnect();
    },
  };
}
