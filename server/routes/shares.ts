import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { Audit } from "../auth/audit.ts";
import type { BriefRole } from "../auth/brief-access.ts";
import { currentUser } from "../auth/middleware.ts";
import { smallBody } from "../auth/small-body.ts";
import { hashToken, newId, newToken } from "../auth/tokens.ts";
import { linkPrincipal } from "../auth/ws-authorize.ts";
import type { RoomManager } from "../collab/rooms.ts";
import { badRequest, notFound } from "../errors.ts";
import { CreateShareSchema, ShareId, type ShareView } from "../schema/auth.ts";
import { BriefId } from "../schema/brief.ts";
import { CloseCode } from "../schema/protocol.ts";
import type { Share } from "../store/auth-store.ts";
import type { Store } from "../store/store.ts";
import { validate } from "./validation.ts";

export interface SharesRoutesDeps {
  store: Store;
  rooms: RoomManager;
  audit: Audit;
  requireBriefRole: (min: BriefRole) => MiddlewareHandler;
}

const view = (s: Share, token?: string): ShareView => ({
  id: s.id,
  briefId: s.briefId,
  kind: s.kind,
  role: s.role,
  email: s.email,
  accepted: s.kind === "link" || s.userId !== null,
  expiresAt: s.expiresAt,
  createdAt: s.createdAt,
  ...(token ? { token } : {}),
});

const BriefParam = z.object({ id: BriefId });
const ShareParam = z.object({ id: BriefId, shareId: ShareId });

/**
 * `/api/briefs/:id/shares`: the owner shares a brief with people (by email; pending until
 * they sign up) or by link, and revokes shares. Revoking closes the affected live sockets.
 */
export function sharesRoutes({ store, rooms, audit, requireBriefRole }: SharesRoutesDeps) {
  const owner = requireBriefRole("owner");

  /** Closes the sockets a share let in, on every instance; they may reconnect if still allowed. */
  const closeSockets = (s: Share, reason: string) => {
    const principal = s.kind === "link" ? linkPrincipal(s.id) : s.userId;
    return principal
      ? rooms.revoke(s.briefId, principal, CloseCode.Forbidden, reason)
      : Promise.resolve();
  };

  return new Hono()
    .get("/:id/shares", owner, validate("param", BriefParam), async (c) => {
      const shares = await store.shares.list(c.req.valid("param").id);
      return c.json({ shares: shares.map((s) => view(s)) });
    })
    .post(
      "/:id/shares",
      smallBody(),
      owner,
      validate("param", BriefParam),
      validate("json", CreateShareSchema),
      async (c) => {
        const briefId = c.req.valid("param").id;
        const body = c.req.valid("json");
        const me = currentUser(c);
        if ("email" in body) {
          const brief = await store.briefs.get(briefId);
          const invitee = await store.users.byEmail(body.email);
          if (invitee && invitee.user.id === brief?.ownerId) {
            throw badRequest("share_with_owner", "email: this person owns the brief already");
          }
          const before = invitee ? await store.shares.forUser(briefId, invitee.user.id) : null;
          const { share, created } = await store.shares.upsertUserShare({
            id: newId(),
            briefId,
            email: body.email,
            userId: invitee?.user.id ?? null,
            role: body.role,
            createdBy: me.id,
          });
          // A changed role takes effect on the WebSocket at the next connection: close the
          // current ones (the client reconnects with the new rights).
          if (before && before.role !== share.role) await closeSockets(share, "access changed");
          await audit(c, {
            type: created ? "share_created" : "share_updated",
            briefId,
            details: { shareId: share.id, kind: "user", email: body.email, role: share.role },
          });
          return c.json(view(share), created ? 201 : 200);
        }
        const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
        if (expiresAt && expiresAt.getTime() <= Date.now()) {
          throw badRequest("invalid_json", "expiresAt: must be in the future");
        }
        const token = newToken();
        const share = await store.shares.createLinkShare({
          id: newId(),
          briefId,
          tokenHash: hashToken(token),
          role: body.role,
          expiresAt: expiresAt?.toISOString() ?? null,
          createdBy: me.id,
        });
        await audit(c, {
          type: "share_created",
          briefId,
          details: {
            shareId: share.id,
            kind: "link",
            role: share.role,
            expiresAt: share.expiresAt,
          },
        });
        return c.json(view(share, token), 201);
      },
    )
    .delete("/:id/shares/:shareId", owner, validate("param", ShareParam), async (c) => {
      const { id: briefId, shareId } = c.req.valid("param");
      const share = await store.shares.get(shareId);
      if (!share || share.briefId !== briefId) throw notFound("share", shareId);
      await store.shares.delete(shareId);
      await closeSockets(share, "access revoked");
      await audit(c, {
        type: "share_revoked",
        briefId,
        details: { shareId, kind: share.kind, email: share.email, role: share.role },
      });
      return c.body(null, 204);
    });
}
