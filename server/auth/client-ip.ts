import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";

declare module "hono" {
  interface ContextVariableMap {
    /** Set by `trustedProxy` when TRUST_PROXY is on: the client as our proxy reports it. */
    forwarded: { ip: string | null; https: boolean };
  }
}

/**
 * With `trust` on (TRUST_PROXY=true: the server sits behind one reverse proxy of ours),
 * reads the client's address from the last `X-Forwarded-For` entry — the one our proxy
 * appended — and https from `X-Forwarded-Proto`. Off, forwarding headers are ignored: anyone
 * can send them, and trusting them would let a client pick its own rate-limit key.
 */
export function trustedProxy(trust: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (trust) {
      const ip = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim() || null;
      const proto = c.req.header("x-forwarded-proto")?.split(",").at(-1)?.trim();
      c.set("forwarded", { ip, https: proto === "https" });
    }
    await next();
  };
}

/** The client's address: as the trusted proxy reports it, else the TCP connection's peer. */
export function clientIp(c: Context): string {
  const forwarded = c.get("forwarded")?.ip;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Whether the client reached us over https (directly, or to the trusted proxy). */
export function viaHttps(c: Context): boolean {
  return c.get("forwarded")?.https || new URL(c.req.url).protocol === "https:";
}
