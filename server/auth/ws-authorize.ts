import type { Context } from "hono";
import type { RoomManager } from "../collab/rooms.ts";
import type { Access } from "../collab/socket.ts";
import type { Logger } from "../logger.ts";
import { CloseCode } from "../schema/protocol.ts";
import type { Share } from "../store/auth-store.ts";
import type { Store } from "../store/store.ts";
import { canWrite, roleFor } from "./brief-access.ts";
import { sameOrigin } from "./csrf.ts";
import { getAuth } from "./middleware.ts";
import { type Auth, presentedToken, resolveToken } from "./session.ts";

/**
 * The principal a link connection is known by in its room (`Access.userId`), so that
 * `rooms.revoke(briefId, linkPrincipal(shareId))` closes exactly the sockets of that link,
 * on every instance. User ids never start with "link:".
 */
export const linkPrincipal = (shareId: string) => `link:${shareId}`;

/** setTimeout's ceiling; a later expiry re-arms the timer when it fires. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * The WebSocket's gatekeeper: decides, before the socket opens, what a connection to a
 * brief may do. Close codes: 4401 no or bad credentials, 4403 no access (or a cookie sent
 * by another site's page), 4404 no such brief. Viewers and commenters get read-only access.
 */
export function wsAuthorizer(deps: { store: Store; rooms: RoomManager; log: Logger }) {
  const { store, rooms, log } = deps;

  /** Sessions and links whose sockets are due to close when they expire. */
  const armed = new Set<string>();

  /** Runs `close` once `expiresAt` has passed; once per `key` until then. */
  function atExpiry(key: string, expiresAt: string, close: () => Promise<void>): void {
    if (armed.has(key)) return;
    armed.add(key);
    const due = Date.parse(expiresAt);
    const wait = () =>
      setTimeout(
        () => {
          if (Date.now() < due) return wait();
          armed.delete(key);
          close().catch((err: unknown) =>
            log.warn("closing sockets at expiry failed", { err: String(err) }),
          );
        },
        Math.min(Math.max(0, due - Date.now()), MAX_DELAY),
      ).unref();
    wait();
  }

  /** Closes a link's live sockets the moment it expires, unless it was changed meanwhile. */
  function closeAtExpiry(share: Share): void {
    if (!share.expiresAt) return;
    atExpiry(`${share.id}@${share.expiresAt}`, share.expiresAt, () =>
      rooms.revoke(share.briefId, linkPrincipal(share.id), CloseCode.Forbidden, "link expired"),
    );
  }

  async function callerOf(c: Context): Promise<Auth | null> {
    const known = getAuth(c);
    if (known) return known;
    const presented = presentedToken(c, true);
    return presented && presented !== "invalid"
      ? resolveToken(store, presented.token, presented.via)
      : null;
  }

  return async (c: Context, briefId: string): Promise<Access | number> => {
    const auth = await callerOf(c);
    if (!auth) return CloseCode.Unauthenticated;
    // Cross-site WebSocket hijacking: browsers attach cookies to any site's WebSocket.
    if (auth.via === "cookie" && sameOrigin(c) === false) return CloseCode.Forbidden;
    const brief = await store.briefs.get(briefId);
    if (!brief) return CloseCode.NotFound;
    const role = await roleFor(store, auth, brief);
    if (!role) return CloseCode.Forbidden;
    if (auth.kind === "link") {
      closeAtExpiry(auth.share);
      return { userId: linkPrincipal(auth.share.id), canWrite: canWrite(role) };
    }
    // A session that ends while its briefs are open closes their sockets, as signing out does.
    atExpiry(auth.tokenHash, auth.expiresAt, () =>
      rooms.endSession(auth.tokenHash, CloseCode.Unauthenticated, "session expired"),
    );
    return { userId: auth.user.id, session: auth.tokenHash, canWrite: canWrite(role) };
  };
}
