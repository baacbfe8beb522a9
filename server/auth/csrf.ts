import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { SESSION_COOKIE } from "./session.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether the browser says this request comes from a page of this same origin. */
export function sameOrigin(c: Context): boolean | null {
  const site = c.req.header("sec-fetch-site");
  if (site !== undefined) return site === "same-origin";
  const origin = c.req.header("origin");
  if (origin === undefined) return null;
  try {
    // Compared with Host, not the request URL: the WebSocket upgrade is dispatched with a
    // placeholder base URL, and behind a proxy the scheme may differ.
    return new URL(origin).host === c.req.header("host");
  } catch {
    return false; // "null" and other opaque origins
  }
}

/**
 * CSRF: a state-changing request that may ride on the session cookie must prove it comes
 * from our own pages, by `Sec-Fetch-Site: same-origin` or a matching `Origin`. Requests
 * with an `Authorization` header are exempt: no other site can make a browser send one, and
 * `authenticate` then ignores the cookie. A cookie-carrying mutation with neither header is
 * refused too (all current browsers send one of them).
 */
export function csrf(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method) || c.req.header("authorization") !== undefined) return next();
    const verdict = sameOrigin(c);
    const hasCookie = getCookie(c, SESSION_COOKIE) !== undefined;
    if (verdict === false || (verdict === null && hasCookie)) {
      return c.json({ error: { id: "csrf_refused", message: "Cross-site request refused." } }, 403);
    }
    await next();
  };
}
