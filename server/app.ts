import { randomUUID } from "node:crypto";
import { createNodeWebSocket } from "@hono/node-ws";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type * as Y from "yjs";
import { installAuth } from "./auth/install.ts";
import { loadBriefDoc } from "./briefs/load-doc.ts";
import type { RoomManager } from "./collab/rooms.ts";
import { collabRoute } from "./collab/ws-route.ts";
import type { Env } from "./env.ts";
import { tooLarge } from "./errors.ts";
import { onError } from "./http/on-error.ts";
import { requestLog } from "./http/request-log.ts";
import { mountClient } from "./http/static.ts";
import type { Logger } from "./logger.ts";
import { articlesRoutes } from "./routes/articles.ts";
import { briefsRoutes } from "./routes/briefs.ts";
import { checkRoutes } from "./routes/check.ts";
import { commentsRoutes } from "./routes/comments.ts";
import { exportRoutes } from "./routes/export.ts";
import { templatesRoutes } from "./routes/templates.ts";
import type { CreateBrief } from "./schema/brief.ts";
import type { Store } from "./store/store.ts";
import type { TemplateRegistry } from "./templates/registry.ts";

export interface AppDeps {
  env: Env;
  registry: TemplateRegistry;
  store: Store;
  rooms: RoomManager;
  log: Logger;
  initialDoc: (input: CreateBrief) => Promise<Y.Doc>;
}

/** Largest request body any route takes (reference .docx uploads); routes set tighter ones. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Builds the Hono app: API routes, the collaboration endpoint and the built client. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  const ws = createNodeWebSocket({ app });
  // Frames beyond the limit are refused by our handler with 4413; far larger ones are cut
  // off by `ws` before they are buffered at all.
  (ws.wss.options as { maxPayload: number }).maxPayload = deps.env.MAX_MESSAGE_BYTES * 2;

  app.use(requestLog(deps.log));
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw tooLarge(`Request bodies are limited to ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
      },
    }),
  );
  // Security headers, authentication, CSRF, the default-deny gate and the brief role floor:
  // registered before every route.
  const auth = installAuth(app, deps);
  const routes = app
    .get("/healthz", (c) => c.json({ ok: true }))
    .route("/api/auth", auth.routes.auth)
    .route("/api/me", auth.routes.me)
    .route("/api/admin", auth.routes.admin)
    .route("/api/briefs", auth.routes.shares)
    .route(
      "/api/briefs",
      briefsRoutes({ ...deps, auth, newId: () => randomUUID().replaceAll("-", "").slice(0, 20) }),
    )
    .route("/api/briefs", exportRoutes({ ...deps, requireViewer: auth.requireBriefRole("viewer") }))
    .route("/api/briefs", checkRoutes({ ...deps, requireViewer: auth.requireBriefRole("viewer") }))
    .route("/api/briefs", commentsRoutes({ ...deps, requireBriefRole: auth.requireBriefRole }))
    .route("/api/articles", articlesRoutes({ ...deps, importLimit: auth.rateLimit.imports }))
    .route(
      "/api/templates",
      templatesRoutes({
        ...deps,
        loadBriefDoc: (briefId) => loadBriefDoc(deps, briefId),
        requireBriefReader: (c, briefId) => auth.checkBriefRole(c, briefId, "viewer"),
      }),
    )
    .route(
      "/collab",
      collabRoute({
        rooms: deps.rooms,
        upgradeWebSocket: ws.upgradeWebSocket,
        log: deps.log,
        maxMessageBytes: deps.env.MAX_MESSAGE_BYTES,
        pingIntervalMs: deps.env.PING_INTERVAL_MS,
        authorize: auth.authorize,
      }),
    );
  app.onError(onError(deps.log));
  mountClient(app, deps.env.CLIENT_DIR);
  return { app: routes, injectWebSocket: ws.injectWebSocket, wss: ws.wss };
}

/** The API's type, for `hc<AppType>` in the client. */
export type AppType = ReturnType<typeof createApp>["app"];
