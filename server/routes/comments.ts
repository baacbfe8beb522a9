import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import { atLeast, type BriefRole, resolvedRole } from "../auth/brief-access.ts";
import { getAuth } from "../auth/middleware.ts";
import { smallBody } from "../auth/small-body.ts";
import { newId } from "../auth/tokens.ts";
import { linkPrincipal } from "../auth/ws-authorize.ts";
import type { RoomManager } from "../collab/rooms.ts";
import { conflict, forbidden, notFound, unauthenticated } from "../errors.ts";
import { BriefId } from "../schema/brief.ts";
import { type BriefComment, COMMENTS, COMMENTS_MAX, NewCommentSchema } from "../schema/comment.ts";
import { validate } from "./validation.ts";

export interface CommentsRoutesDeps {
  rooms: RoomManager;
  requireBriefRole: (min: BriefRole) => MiddlewareHandler;
}

const BriefParam = z.object({ id: BriefId });
const CommentParam = z.object({ id: BriefId, commentId: z.string().min(1).max(64) });

/**
 * `/api/briefs/:id/comments`: commenters (and editors, and the owner) comment on a brief; the
 * author of a comment, or anyone who may edit the brief, deletes (resolves) it. Comments are
 * written into the live brief, so every open copy shows them at once. Commenters' own sockets
 * are read-only: these routes are how their words reach the brief.
 */
export function commentsRoutes({ rooms, requireBriefRole }: CommentsRoutesDeps) {
  const commenter = requireBriefRole("commenter");
  return new Hono()
    .get("/:id/comments", requireBriefRole("viewer"), validate("param", BriefParam), async (c) => {
      const { id } = c.req.valid("param");
      const comments = await rooms.withRoom(id, (room) =>
        room.doc.getArray<BriefComment>(COMMENTS).toArray(),
      );
      if (!comments) throw notFound("brief", id);
      return c.json({ comments });
    })
    .post(
      "/:id/comments",
      smallBody(),
      commenter,
      validate("param", BriefParam),
      validate("json", NewCommentSchema),
      async (c) => {
        const { id } = c.req.valid("param");
        const { text, quote } = c.req.valid("json");
        const author = authorOf(c);
        const comment: BriefComment = {
          id: newId(),
          ...author,
          text,
          quote: quote || null,
          createdAt: new Date().toISOString(),
        };
        const added = await rooms.withRoom(id, (room) => {
          const comments = room.doc.getArray<BriefComment>(COMMENTS);
          if (comments.length >= COMMENTS_MAX) return false;
          comments.push([comment]);
          return true;
        });
        if (added === null) throw notFound("brief", id);
        if (!added)
          throw conflict(
            "too_many_comments",
            `This brief has ${COMMENTS_MAX} open comments; resolve some before adding more.`,
          );
        return c.json(comment, 201);
      },
    )
    .delete("/:id/comments/:commentId", commenter, validate("param", CommentParam), async (c) => {
      const { id, commentId } = c.req.valid("param");
      const me = authorOf(c).authorId;
      const mayDeleteAny = atLeast(resolvedRole(c), "editor");
      const outcome = await rooms.withRoom(id, (room) => {
        const comments = room.doc.getArray<BriefComment>(COMMENTS);
        const at = comments.toArray().findIndex((x) => x.id === commentId);
        if (at < 0) return "missing";
        if (comments.get(at).authorId !== me && !mayDeleteAny) return "not yours";
        comments.delete(at, 1);
        return "deleted";
      });
      if (!outcome || outcome === "missing") throw notFound("comment", commentId);
      if (outcome === "not yours")
        throw forbidden(
          "not_your_comment",
          "Only its author, or someone who may edit the brief, can delete this comment.",
        );
      return c.body(null, 204);
    });
}

/** Who is commenting: a signed-in person, or a guest who came in through a link. */
function authorOf(c: Parameters<typeof getAuth>[0]): { authorId: string; authorName: string } {
  const auth = getAuth(c);
  if (!auth) throw unauthenticated();
  return auth.kind === "user"
    ? { authorId: auth.user.id, authorName: auth.user.name }
    : { authorId: linkPrincipal(auth.share.id), authorName: "Guest with a link" };
}
