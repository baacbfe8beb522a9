import { useEffect, useState } from "react";
import { type BriefComment, COMMENTS } from "../../server/schema/comment.ts";
import type { BriefSession } from "../collab/session.ts";

/** A brief's comments as its shared document holds them, oldest first, kept up to date. */
export function useComments(session: BriefSession | null): BriefComment[] {
  const [comments, setComments] = useState<BriefComment[]>([]);
  useEffect(() => {
    if (!session) return;
    const list = session.doc.getArray<BriefComment>(COMMENTS);
    const update = () => setComments(list.toArray());
    update();
    list.observe(update);
    return () => list.unobserve(update);
  }, [session]);
  return comments;
}
