import type { Context, MiddlewareHandler } from "hono";
import { forbidden, unauthenticated } from "../errors.ts";
import type { User } from "../store/auth-store.ts";
import type { Store } from "../store/store.ts";
import { type Auth, presentedToken, resolveToken } from "./session.ts";

declare module "hono" {
  interface ContextVariableMap {
    /** Set by `authenticate` on every request: the caller, or null when anonymous. */
    auth: Auth | null;
    /** True when a credential was presented but did not resolve (bad, expired, revoked). */
    authInvalid: boolean;
  }
}

/**
 * `?token=` is accepted only where a URL is the natural carrier: the WebSocket (browsers
 * cannot set headers on it) and reading one brief (opening a shared link).
 */
function queryTokenAllowed(c: Context): boolean {
  if (c.req.path.startsWith("/collab/")) return true;
  return c.req.method === "GET" && /^\/api\/briefs\/[^/]+$/.test(c.req.path);
}

/** Resolves the caller from bearer header, query token or cookie; sets `c.var.auth`. */
export function authenticate(store: Store): MiddlewareHandler {
  return async (c, next) => {
    const presented = presentedToken(c, queryTokenAllowed(c));
    const auth =
      presented && presented !== "invalid"
        ? await resolveToken(store, presented.token, presented.via)
        : null;
    c.set("auth", auth);
    c.set("authInvalid", presented !== null && auth === null);
    await next();
  };
}

/** The caller, or null when anonymous. */
export function getAuth(c: Context): Auth | null {
  return c.get("auth") ?? null;
}

/** The signed-in user; a 401 for anyone else (link holders included). */
export function currentUser(c: Context): User {
  const auth = getAuth(c);
  if (auth?.kind !== "user") throw unauthenticated();
  return auth.user;
}

/** Refuses anyone who is not a signed-in user with a 401. */
export const requireUser: MiddlewareHandler = async (c, next) => {
  currentUser(c);
  await next();
};

/** Refuses anyone but an admin: 401 when not signed in, 403 otherwise. */
export const requireAdmin: MiddlewareHandler = async (c, next) => {
  if (!currentUser(c).isAdmin) throw forbidden("admin_only", "Only an admin can do this.");
  await next();
};
