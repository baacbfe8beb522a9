import type { Context, Hono, MiddlewareHandler } from "hono";
import type { RoomManager } from "../collab/rooms.ts";
import type { Access } from "../collab/socket.ts";
import type { Env } from "../env.ts";
import type { Logger } from "../logger.ts";
import { adminRoutes } from "../routes/admin.ts";
import { authRoutes, meRoutes } from "../routes/auth.ts";
import { sharesRoutes } from "../routes/shares.ts";
import type { Brief } from "../schema/brief.ts";
import type { Store } from "../store/store.ts";
import { type Audit, auditor, auditSuccesses } from "./audit.ts";
import { type BriefRole, briefAccess, requireBriefRole, visibleBriefs } from "./brief-access.ts";
import { briefPolicy } from "./brief-policy.ts";
import { clientIp, trustedProxy } from "./client-ip.ts";
import { csrf } from "./csrf.ts";
import { apiGate } from "./gate.ts";
import { type AuthLimits, DEFAULT_LIMITS } from "./limits.ts";
import { authenticate, getAuth, requireAdmin, requireUser } from "./middleware.ts";
import { RateLimiter, rateLimit } from "./rate-limit.ts";
import { securityHeaders } from "./security-headers.ts";
import { wsAuthorizer } from "./ws-authorize.ts";

export interface InstallAuthDeps {
  env: Pick<Env, "SIGNUP" | "TRUST_PROXY">;
  store: Store;
  rooms: RoomManager;
  log: Logger;
  limits?: Partial<AuthLimits>;
}

/** What `installAuth` hands back, to apply to the other routes and mount. */
export interface InstalledAuth {
  /** The WebSocket's `authorize` for `collabRoute`. */
  authorize: (c: Context, briefId: string) => Promise<Access | number>;
  requireUser: MiddlewareHandler;
  requireAdmin: MiddlewareHandler;
  /** At least `min` on the brief in path param `param` (default `id`): else 401/403/404. */
  requireBriefRole: (min: BriefRole, param?: string) => MiddlewareHandler;
  /** As `requireBriefRole`, for a brief named elsewhere than the path (a request body). */
  checkBriefRole: (c: Context, briefId: string, min: BriefRole) => Promise<void>;
  /** The briefs the caller may list (all for admins; own and shared for others). */
  visibleBriefs: (c: Context) => Promise<(Brief & { role: BriefRole })[]>;
  /** Rate limits for routes outside auth: imports, per user. */
  rateLimit: { imports: MiddlewareHandler };
  /** Records a security event (see AuditType). */
  audit: Audit;
  /** Sub-apps to mount: `/api/auth`, `/api/me`, `/api/admin`, and `/api/briefs` (shares). */
  routes: {
    auth: ReturnType<typeof authRoutes>;
    me: ReturnType<typeof meRoutes>;
    admin: ReturnType<typeof adminRoutes>;
    shares: ReturnType<typeof sharesRoutes>;
  };
}

const HOUR = 60 * 60 * 1000;

/**
 * Registers, in order and before any route: the trusted proxy's client address (when
 * TRUST_PROXY is on), secure headers (everything but the WebSocket
 * upgrade), `authenticate` (API and WebSocket), CSRF (API), the default-deny gate (API),
 * the brief role floor (`/api/briefs/:id[/...]`) and the audit of deletions and exports.
 * Call it right after the request log and body limit, before mounting routes.
 */
export function installAuth(app: Hono, deps: InstallAuthDeps): InstalledAuth {
  const { store, log } = deps;
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const audit = auditor(store, log);
  const headers = securityHeaders();

  app.use("*", trustedProxy(deps.env.TRUST_PROXY === true));
  app.use("*", (c, next) => (c.req.path.startsWith("/collab/") ? next() : headers(c, next)));
  app.use("/api/*", authenticate(store));
  app.use("/collab/*", authenticate(store));
  app.use("/api/*", csrf());
  app.use("/api/*", apiGate);
  app.use("/api/briefs/*", briefPolicy(store));
  app.use("/api/*", auditSuccesses(audit));

  const purge = setInterval(() => {
    store.sessions.deleteExpired(new Date().toISOString()).catch(() => {
      // The store may be closing; the next round tries again.
    });
  }, HOUR);
  purge.unref();

  const imports = new RateLimiter(limits.importsPerUser);
  const requireRole = (min: BriefRole, param?: string) => requireBriefRole(store, min, param);
  return {
    authorize: wsAuthorizer(deps),
    requireUser,
    requireAdmin,
    requireBriefRole: requireRole,
    checkBriefRole: async (c, briefId, min) => {
      await briefAccess(c, store, briefId, min);
    },
    visibleBriefs: (c) => visibleBriefs(store, getAuth(c)),
    rateLimit: {
      imports: rateLimit(imports, (c) => {
        const auth = getAuth(c);
        return auth?.kind === "user" ? `user:${auth.user.id}` : `ip:${clientIp(c)}`;
      }),
    },
    audit,
    routes: {
      auth: authRoutes({ store, rooms: deps.rooms, env: deps.env, audit, limits }),
      me: meRoutes({ store, rooms: deps.rooms, audit, limits }),
      admin: adminRoutes({ store }),
      shares: sharesRoutes({ store, rooms: deps.rooms, audit, requireBriefRole: requireRole }),
    },
  };
}
