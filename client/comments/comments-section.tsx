import type { Editor } from "@tiptap/core";
import { type FormEvent, useState } from "react";
import { type BriefComment, COMMENT_MAX } from "../../server/schema/comment.ts";
import { commentsApi } from "../api/comments.ts";
import { readableError } from "../api/errors.ts";
import type { BriefSession } from "../collab/session.ts";
import { fullTime, relativeTime } from "../components/format.ts";
import { useComments } from "./use-comments.ts";
import { useSelectedWords } from "./use-selected-words.ts";

interface CommentsSectionProps {
  briefId: string;
  session: BriefSession | null;
  editor: Editor | null;
  /** The signed-in person's id: they may resolve their own comments. */
  me: string;
  /** Commenters, editors and the owner comment; viewers read. */
  canComment: boolean;
  /** Editors and the owner resolve anyone's comment. */
  canResolveAny: boolean;
}

/**
 * The brief's comments, live from its document, and a box to add one: on the words selected
 * in the brief, or on the whole brief. Resolving a comment removes it for everyone.
 */
export function CommentsSection(props: CommentsSectionProps) {
  const { briefId, session, editor, me, canComment, canResolveAny } = props;
  const comments = useComments(session);
  const [words, forgetWords] = useSelectedWords(editor);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError("Write the comment first.");
    setBusy(true);
    setError(null);
    try {
      await commentsApi.add(briefId, text.trim(), words);
      setText("");
      forgetWords();
    } catch (err) {
      setError(readableError(err));
    } finally {
      setBusy(false);
    }
  };
  const resolve = async (comment: BriefComment) => {
    setError(null);
    try {
      await commentsApi.resolve(briefId, comment.id);
    } catch (err) {
      setError(readableError(err));
    }
  };

  return (
    <section className="comments" aria-label="Comments">
      <h3>Comments{comments.length > 0 && ` (${comments.length})`}</h3>
      {comments.length === 0 && <p className="muted">No comments yet.</p>}
      <ol className="comment-list">
        {comments.map((c) => (
          <li key={c.id} className="comment">
            <div className="comment-head">
              <strong>{c.authorName}</strong>
              <time dateTime={c.createdAt} title={fullTime(c.createdAt)}>
                {relativeTime(c.createdAt)}
              </time>
            </div>
            {c.quote && <blockquote className="comment-quote">{c.quote}</blockquote>}
            <p className="comment-text">{c.text}</p>
            {(c.authorId === me || canResolveAny) && (
              <button
                type="button"
                className="link-button"
                aria-label={`Resolve ${c.authorName}'s comment`}
                onClick={() => resolve(c)}
              >
                Resolve
              </button>
            )}
          </li>
        ))}
      </ol>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {canComment && (
        <form className="comment-form" aria-label="Add a comment" onSubmit={submit}>
          {words && (
            <p className="comment-on">
              <span>On “{words}”</span>
              <button
                type="button"
                className="link-button"
                aria-label="Comment on the whole brief instead"
                onClick={forgetWords}
              >
                ×
              </button>
            </p>
          )}
          <textarea
            aria-label="Comment"
            value={text}
            maxLength={COMMENT_MAX}
            rows={3}
            placeholder="Select words in the brief to comment on them, or write about the whole brief."
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="btn btn-small" disabled={busy} aria-busy={busy}>
            {busy ? "Sending…" : "Comment"}
          </button>
        </form>
      )}
    </section>
  );
}
