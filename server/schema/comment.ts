import { z } from "zod";

/** The name of the Y.Array in a brief's Y.Doc that holds its comments, oldest first. */
export const COMMENTS = "comments";

/** Open comments a brief holds at most: each is in the document everyone loads. */
export const COMMENTS_MAX = 500;

/** Longest comment, and longest stretch of the brief's words it may point at. */
export const COMMENT_MAX = 2000;
export const COMMENT_QUOTE_MAX = 300;

/**
 * A comment on a brief, by anyone with the commenter role or more. Comments live in the
 * brief's Y.Doc (so everyone with the brief open sees them arrive), outside the body: they
 * never reach the Word export or the source check.
 */
export const CommentSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  text: z.string(),
  /** The words of the brief the comment is about, as selected when it was written. */
  quote: z.string().nullable(),
  createdAt: z.string(),
});
export type BriefComment = z.infer<typeof CommentSchema>;

/** Body of `POST /api/briefs/:id/comments`. */
export const NewCommentSchema = z
  .object({
    text: z.string().trim().min(1, "a comment needs some text").max(COMMENT_MAX),
    quote: z.string().trim().max(COMMENT_QUOTE_MAX).nullish(),
  })
  .strict();
