import type { BriefComment } from "../../server/schema/comment.ts";
import { client, done, ok } from "./client.ts";

/** Comments on a brief. They arrive in the brief's document; these calls make and resolve them. */
export const commentsApi = {
  add: async (briefId: string, text: string, quote: string | null): Promise<BriefComment> =>
    ok(
      client.api.briefs[":id"].comments.$post({ param: { id: briefId }, json: { text, quote } }),
    ) as Promise<BriefComment>,
  /** Deletes a comment: its author, or anyone who may edit the brief, resolves it. */
  resolve: (briefId: string, commentId: string): Promise<void> =>
    done(
      client.api.briefs[":id"].comments[":commentId"].$delete({
        param: { id: briefId, commentId },
      }),
    ),
};
