import type { DragEvent } from "react";
import type { Snippet } from "../../server/schema/article.ts";
import { Icon } from "../components/icon.tsx";
import { SNIPPET_MIME } from "../editor/snippet-content.ts";

interface SnippetCardProps {
  snippet: Snippet;
  articleTitle?: string;
  canInsert: boolean;
  onInsert: (snippet: Snippet) => void;
  onShow: (snippet: Snippet) => void;
}

/** One snippet: its words, who said them, and ways to use it. Drag it into the brief. */
export function SnippetCard({
  snippet,
  articleTitle,
  canInsert,
  onInsert,
  onShow,
}: SnippetCardProps) {
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(SNIPPET_MIME, JSON.stringify(snippet));
    e.dataTransfer.setData("text/plain", snippet.text);
    e.dataTransfer.effectAllowed = "copy";
  };
  return (
    <li
      className={`snippet snippet-${snippet.kind}`}
      draggable
      onDragStart={onDragStart}
      data-snippet-id={snippet.id}
    >
      <span className="snippet-grip" aria-hidden="true">
        <Icon name="grip" size={16} />
      </span>
      <div className="snippet-main">
        <p className="snippet-text">
          {snippet.kind === "quote" ? `“${snippet.text}”` : snippet.text}
        </p>
        {(snippet.speaker || articleTitle) && (
          <p className="snippet-meta">
            {snippet.speaker && (
              <span className="snippet-speaker">
                {snippet.speaker}
                {snippet.speakerRole && (
                  <span className="snippet-role">, {snippet.speakerRole}</span>
                )}
              </span>
            )}
            {articleTitle && <span className="snippet-source">{articleTitle}</span>}
          </p>
        )}
        <div className="snippet-actions">
          <button
            type="button"
            className="btn btn-small"
            disabled={!canInsert}
            onClick={() => onInsert(snippet)}
            aria-label={`Insert ${snippet.kind} at the cursor: ${snippet.text.slice(0, 60)}`}
          >
            Insert
          </button>
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => onShow(snippet)}
            aria-label={`Show in article: ${snippet.text.slice(0, 60)}`}
          >
            Show in article
          </button>
        </div>
      </div>
    </li>
  );
}
