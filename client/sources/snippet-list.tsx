import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { Snippet, SnippetKind } from "../../server/schema/article.ts";
import { groupByKind } from "./filter-snippets.ts";
import { SnippetCard } from "./snippet-card.tsx";
import { formatCount, pageOf, SNIPPET_PAGE } from "./snippet-pages.ts";

interface SnippetActions {
  canInsert: boolean;
  onInsert: (snippet: Snippet) => void;
  onShow: (snippet: Snippet) => void;
}

interface SnippetListProps extends SnippetActions {
  snippets: Snippet[];
  titles: Record<string, string>;
  showSource: boolean;
}

/**
 * Snippets grouped by kind, quotes first, each group a page at a time (keyed by the filter
 * where it is used, so that a new filter starts every group again from its first page).
 */
export function SnippetList({ snippets, titles, showSource, ...actions }: SnippetListProps) {
  return (
    <div className="snippet-groups">
      {snippets.length > 0 && (
        <p className="snippet-total muted" role="status">
          {formatCount(snippets.length)} {snippets.length === 1 ? "snippet" : "snippets"}
        </p>
      )}
      {groupByKind(snippets).map((group) => (
        <SnippetGroup
          key={group.kind}
          {...group}
          titles={showSource ? titles : undefined}
          actions={actions}
        />
      ))}
    </div>
  );
}

interface SnippetGroupProps {
  kind: SnippetKind;
  label: string;
  snippets: Snippet[];
  titles: Record<string, string> | undefined;
  actions: SnippetActions;
}

function SnippetGroup({ kind, label, snippets, titles, actions }: SnippetGroupProps) {
  const [limit, setLimit] = useState(SNIPPET_PAGE);
  const list = useRef<HTMLUListElement>(null);
  const page = pageOf(snippets, limit);
  const noun = label.toLowerCase();

  const showMore = () => {
    flushSync(() => setLimit(limit + SNIPPET_PAGE));
    // The button moves below the new page: carry keyboard focus to the first snippet revealed.
    list.current?.children[limit]?.querySelector<HTMLElement>("button:not(:disabled)")?.focus();
  };

  return (
    <section className="snippet-group" aria-labelledby={`group-${kind}`}>
      <h3 id={`group-${kind}`}>
        {label} <span className="count">{formatCount(snippets.length)}</span>
      </h3>
      <ul ref={list}>
        {page.shown.map((s) => (
          <SnippetCard key={s.id} snippet={s} articleTitle={titles?.[s.articleId]} {...actions} />
        ))}
      </ul>
      {page.hidden > 0 && (
        <div className="snippet-more">
          <span className="muted">
            {formatCount(page.shown.length)} of {formatCount(snippets.length)} shown
          </span>
          <button type="button" className="btn btn-small" onClick={showMore}>
            Show {formatCount(page.next)} more {noun}
          </button>
        </div>
      )}
    </section>
  );
}
