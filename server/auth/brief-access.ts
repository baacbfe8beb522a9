import type { Context, MiddlewareHandler } from "hono";
import { forbidden, notFound, unauthenticated } from "../errors.ts";
import type { BriefRole } from "../schema/auth.ts";
import { type Brief, BriefId } from "../schema/brief.ts";
import type { Store } from "../store/store.ts";
import { getAuth } from "./middleware.ts";
import type { Auth } from "./session.ts";

export type { BriefRole };

/** Each role includes the ones ranked below it. */
const RANK: Record<BriefRole, number> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };

export const atLeast = (role: BriefRole | null, min: BriefRole): boolean =>
  role !== null && RANK[role] >= RANK[min];

/** May this role change the document (WebSocket updates, PATCH)? */
export const canWrite = (role: BriefRole | null): boolean => atLeast(role, "editor");

/**
 * The caller's role on a brief, or null when they may not see it. Admins act as owners of
 * every brief; a brief without an owner (made before accounts existed) is the admins'.
 */
export async function roleFor(
  store: Store,
  auth: Auth | null,
  brief: Brief,
): Promise<BriefRole | null> {
  if (!auth) return null;
  if (auth.kind === "link") return auth.share.briefId === brief.id ? auth.share.role : null;
  if (auth.user.isAdmin || (brief.ownerId !== null && brief.ownerId === auth.user.id))
    return "owner";
  return (await store.shares.forUser(brief.id, auth.user.id))?.role ?? null;
}

/**
 * The briefs a user may list, each with the user's role on it (as `roleFor` gives it): all
 * for admins, else their own plus those shared with them.
 */
export async function visibleBriefs(
  store: Store,
  auth: Auth | null,
): Promise<(Brief & { role: BriefRole })[]> {
  if (auth?.kind !== "user") return [];
  const all = await store.briefs.list();
  if (auth.user.isAdmin) return all.map((b) => ({ ...b, role: "owner" }));
  const shared = await store.shares.rolesForUser(auth.user.id);
  return all.flatMap((b) => {
    const role = b.ownerId === auth.user.id ? "owner" : shared.get(b.id);
    return role ? [{ ...b, role }] : [];
  });
}

interface Resolved {
  briefId: string;
  brief: Brief;
  role: BriefRole;
}
const cache = new WeakMap<Context, Resolved>();

/**
 * The brief named in the path and the caller's role on it, looked up once per request.
 * 401 when anonymous, 404 when the brief is missing or not visible to the caller (its
 * existence is not revealed), 403 when visible but the role is below `min`.
 */
export async function briefAccess(
  c: Context,
  store: Store,
  briefId: string,
  min: BriefRole,
): Promise<Resolved> {
  let resolved = cache.get(c);
  if (resolved?.briefId !== briefId) {
    const auth = getAuth(c);
    if (!auth) throw unauthenticated();
    const brief = BriefId.safeParse(briefId).success ? await store.briefs.get(briefId) : null;
    const role = brief ? await roleFor(store, auth, brief) : null;
    if (!brief || !role) throw notFound("brief", briefId.slice(0, 64));
    resolved = { briefId, brief, role };
    cache.set(c, resolved);
  }
  if (!atLeast(resolved.role, min)) {
    throw forbidden(
      "insufficient_role",
      `This needs the ${min} role on this brief; you have ${resolved.role}.`,
    );
  }
  return resolved;
}

/** Route middleware: the caller must have at least `min` on the brief in path param `param`. */
export function requireBriefRole(store: Store, min: BriefRole, param = "id"): MiddlewareHandler {
  return async (c, next) => {
    await briefAccess(c, store, c.req.param(param) ?? "", min);
    await next();
  };
}

/** The role `requireBriefRole` (or the policy floor) established for this request. */
export function resolvedRole(c: Context): BriefRole | null {
  return cache.get(c)?.role ?? null;
}
