import type { Snippet } from "../../server/schema/article.ts";
import { groupByKind } from "./filter-snippets.ts";
import { SnippetCard } from "./snippet-card.tsx";

interface SnippetListProps {
  snippets: Snippet[];
  titles: Record<string, string>;
  showSource: boolean;
  canInsert: boolean;
  onInsert: (snippet: Snippet) => void;
  onShow: (snippet: Snippet) => void;
}

/** Snippets grouped by kind, quotes first. */
export function SnippetList({ snippets, titles, showSource, ...actions }: SnippetListProps) {
  return (
    <div className="snippet-groups">
      {groupByKind(snippets).map((group) => (
        <section key={group.kind} className="snippet-group" aria-labelledby={`group-${group.kind}`}>
          <h3 id={`group-${group.kind}`}>
            {group.label} <span className="count">{group.snippets.length}</span>
          </h3>
          <ul>
            {group.snippets.map((s) => (
              <SnippetCard
                key={s.id}
                snippet={s}
                articleTitle={showSource ? titles[s.articleId] : undefined}
                {...actions}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
