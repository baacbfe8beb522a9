import { Hono } from "hono";
import { requireAdmin } from "../auth/middleware.ts";
import { AuditQuerySchema } from "../schema/auth.ts";
import type { Store } from "../store/store.ts";
import { validate } from "./validation.ts";

/** `/api/admin`: the audit log of security events, newest first, for admins only. */
export function adminRoutes({ store }: { store: Store }) {
  return new Hono().get("/audit", requireAdmin, validate("query", AuditQuerySchema), async (c) => {
    const { limit, before } = c.req.valid("query");
    const entries = await store.audit.list({ limit, ...(before ? { before } : {}) });
    return c.json({ entries, next: entries.length === limit ? entries.at(-1)?.seq : null });
  });
}
