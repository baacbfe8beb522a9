import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Share, User } from "../store/auth-store.ts";
import type { Store } from "../store/store.ts";
import { viaHttps } from "./client-ip.ts";
import { hashToken, looksLikeToken, newToken } from "./tokens.ts";

export const SESSION_COOKIE = "briefroom_session";
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Where a credential came from: CSRF and cross-site WebSocket checks depend on it. */
export type Via = "bearer" | "cookie" | "query";

/** The caller: a signed-in user, or someone holding a brief's link token. */
export type Auth =
  | { kind: "user"; user: User; via: Via; tokenHash: string; expiresAt: string }
  | { kind: "link"; share: Share; via: Via; tokenHash: string };

/**
 * The one credential a request presents, by precedence: an `Authorization: Bearer` header,
 * then `?token=` (only where `allowQuery`), then the session cookie. A header that is present
 * but unusable counts as a bad credential: we never fall back to the cookie behind it.
 */
export function presentedToken(
  c: Context,
  allowQuery: boolean,
): { token: string; via: Via } | "invalid" | null {
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
    return match?.[1] && looksLikeToken(match[1]) ? { token: match[1], via: "bearer" } : "invalid";
  }
  if (allowQuery) {
    const query = c.req.query("token");
    if (query !== undefined)
      return looksLikeToken(query) ? { token: query, via: "query" } : "invalid";
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie !== undefined)
    return looksLikeToken(cookie) ? { token: cookie, via: "cookie" } : "invalid";
  return null;
}

/** Resolves a token to a live session's user or an unexpired link share; null otherwise. */
export async function resolveToken(store: Store, token: string, via: Via): Promise<Auth | null> {
  const tokenHash = hashToken(token);
  const now = new Date().toISOString();
  const session = await store.sessions.find(tokenHash, now);
  if (session) return { kind: "user", ...session, via, tokenHash };
  // Link tokens are for scripts and the WebSocket, never a cookie.
  if (via === "cookie") return null;
  const share = await store.shares.byTokenHash(tokenHash);
  if (!share || (share.expiresAt !== null && share.expiresAt <= now)) return null;
  return { kind: "link", share, via, tokenHash };
}

/** Starts a session for a user; returns the token, which is shown once and stored hashed. */
export async function startSession(
  store: Store,
  userId: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await store.sessions.create({
    tokenHash: hashToken(token),
    userId,
    expiresAt: expiresAt.toISOString(),
  });
  return { token, expiresAt };
}

/** HttpOnly, SameSite=Lax, and Secure whenever the client came over https (see TRUST_PROXY). */
export function setSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: viaHttps(c),
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}
