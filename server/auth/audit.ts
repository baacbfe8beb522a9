import type { Context, MiddlewareHandler } from "hono";
import type { Logger } from "../logger.ts";
import type { AuditEvent, AuditType } from "../store/auth-store.ts";
import type { Store } from "../store/store.ts";
import { clientIp } from "./client-ip.ts";
import { getAuth } from "./middleware.ts";
import { linkPrincipal } from "./ws-authorize.ts";

export type Audit = (
  c: Context,
  event: Omit<AuditEvent, "actorId" | "ip"> & { actorId?: string | null },
) => Promise<void>;

/** The acting principal for the log: a user id, or `link:<shareId>` for a link holder. */
export function actorOf(c: Context): string | null {
  const auth = getAuth(c);
  if (!auth) return null;
  return auth.kind === "user" ? auth.user.id : linkPrincipal(auth.share.id);
}

/**
 * Records security events with the caller and their address. Never throws: a failed audit
 * write is logged, and the request it describes has already happened.
 */
export function auditor(store: Store, log: Logger): Audit {
  return async (c, event) => {
    const entry: AuditEvent = { ...event, actorId: event.actorId ?? actorOf(c), ip: clientIp(c) };
    try {
      await store.audit.record(entry);
    } catch (err) {
      log.error("audit write failed", { type: event.type, err: String(err) });
    }
  };
}

/** Routes audited after they succeed, wherever they are mounted. */
const AUDITED: { method: string; path: RegExp; type: AuditType; brief: boolean }[] = [
  { method: "DELETE", path: /^\/api\/briefs\/([^/]+)$/, type: "brief_deleted", brief: true },
  { method: "GET", path: /^\/api\/briefs\/([^/]+)\/export\.docx$/, type: "export", brief: true },
  { method: "DELETE", path: /^\/api\/articles\/([^/]+)$/, type: "article_deleted", brief: false },
  { method: "DELETE", path: /^\/api\/templates\/([^/]+)$/, type: "template_deleted", brief: false },
];

/** Records deletions and exports that succeeded (2xx), without touching their routes. */
export function auditSuccesses(audit: Audit): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status < 200 || c.res.status >= 300) return;
    for (const rule of AUDITED) {
      const match = c.req.method === rule.method ? rule.path.exec(c.req.path) : null;
      if (!match) continue;
      const id = decodeURIComponent(match[1]!);
      await audit(c, { type: rule.type, ...(rule.brief ? { briefId: id } : { details: { id } }) });
    }
  };
}
