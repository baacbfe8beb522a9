import type { MiddlewareHandler } from "hono";
import { unauthenticated } from "../errors.ts";
import { getAuth } from "./middleware.ts";

/** API routes anyone may call. */
const PUBLIC = new Set(["POST /api/auth/signup", "POST /api/auth/login", "POST /api/auth/logout"]);

/** Link-token holders reach brief-scoped routes only; their role is checked there. */
const LINK_SCOPE = /^\/api\/briefs\/[^/]+(\/.*)?$/;

/**
 * Default deny for `/api/*`: every route but sign-up, sign-in and sign-out needs a signed-in
 * user (401 otherwise), so a new route is never public by accident.
 */
export const apiGate: MiddlewareHandler = async (c, next) => {
  if (PUBLIC.has(`${c.req.method} ${c.req.path}`)) return next();
  const auth = getAuth(c);
  if (!auth) {
    throw unauthenticated(
      c.get("authInvalid") ? "Your session has ended; sign in again." : undefined,
    );
  }
  if (auth.kind === "link" && !LINK_SCOPE.test(c.req.path)) {
    throw unauthenticated("A link gives access to its brief only; sign in for the rest.");
  }
  await next();
};
