import type { MiddlewareHandler } from "hono";
import type { Store } from "../store/store.ts";
import { type BriefRole, briefAccess } from "./brief-access.ts";

const BRIEF_PATH = /^\/api\/briefs\/([^/]+)(\/.*)?$/;

/**
 * The least role each brief route needs, by method and sub-path. It is a floor applied to
 * every `/api/briefs/:id[/...]` request before any route runs, so a route added without its
 * own `requireBriefRole` is still closed: reads need viewer, comments need commenter, other
 * changes need editor; deleting the brief and managing its shares need the owner.
 */
export function minimumRole(method: string, subPath: string): BriefRole {
  if (subPath.startsWith("/shares")) return "owner";
  if (subPath === "" && method === "DELETE") return "owner";
  if (method === "GET" || method === "HEAD") return "viewer";
  // Commenting (and deleting one's own comment) is what the commenter role is for.
  return subPath.startsWith("/comments") ? "commenter" : "editor";
}

/** Enforces `minimumRole` on every brief-scoped request. */
export function briefPolicy(store: Store): MiddlewareHandler {
  return async (c, next) => {
    const match = BRIEF_PATH.exec(c.req.path);
    if (match) {
      let id: string;
      try {
        id = decodeURIComponent(match[1]!);
      } catch {
        id = "";
      }
      await briefAccess(c, store, id, minimumRole(c.req.method, match[2] ?? ""));
    }
    await next();
  };
}
