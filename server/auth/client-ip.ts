import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The peer address of the TCP connection. Forwarding headers are not trusted: anyone can
 * send them, and trusting them would let a client pick its own rate-limit key.
 */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
