import { type RefObject, useEffect, useMemo, useRef, useState } from "react";
import type { Article, Snippet } from "../../server/schema/article.ts";
import { Icon } from "../components/icon.tsx";
import { useToast } from "../components/toasts.tsx";
import { useAfterRender } from "../components/use-after-render.ts";
import { ArticleReader } from "./article-reader.tsx";
import { filterSnippets, isFiltering, NO_FILTER } from "./filter-snippets.ts";
import { ImportForm } from "./import-form.tsx";
import { SnippetFilters } from "./snippet-filters.tsx";
import { SnippetList } from "./snippet-list.tsx";
import { useArticles } from "./use-articles.ts";

const ALL = "";

interface SourcesPanelProps {
  onInsert: (snippet: Snippet) => boolean;
  canInsert: boolean;
}

/** The imported articles and their snippets, ready to quote and cite in the brief. */
export function SourcesPanel({ onInsert, canInsert }: SourcesPanelProps) {
  const articles = useArticles();
  const notify = useToast();
  const afterRender = useAfterRender();
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState(ALL);
  const [filter, setFilter] = useState(NO_FILTER);
  const [reading, setReading] = useState<{ articleId: string; snippetId: string | null } | null>(
    null,
  );

  const { summaries, bodies, ensure } = articles;
  const ids = useMemo(
    () => (selected ? [selected] : (summaries ?? []).map((a) => a.id)),
    [selected, summaries],
  );
  useEffect(() => ensure(ids), [ids, ensure]);

  // Memoised: the panel re-renders with the brief page (every keystroke in the title), and
  // one long article can hold tens of thousands of snippets.
  const shown = useMemo(() => ids.flatMap((id) => bodies[id]?.snippets ?? []), [ids, bodies]);
  const visible = useMemo(() => filterSnippets(shown, filter), [shown, filter]);
  const titles = Object.fromEntries((summaries ?? []).map((a) => [a.id, a.title]));
  const loading = ids.some((id) => !bodies[id]);

  // When the import form closes, the focus goes to what comes next (the new article's
  // snippets, or the button that opened the form), not back to the page. Only a focus still in
  // the form (or lost while it was busy) moves: someone who went back to writing while an
  // import ran keeps their place, and their typing stays in the brief.
  const importButton = useRef<HTMLButtonElement>(null);
  const picker = useRef<HTMLSelectElement>(null);
  const closeImport = (next: RefObject<HTMLElement | null>) => {
    const active = document.activeElement;
    const inForm = !active || active === document.body || active.closest(".import-form");
    setImporting(false);
    if (inForm) afterRender(() => next.current?.focus());
  };
  const imported = (article: Article) => {
    const known = summaries?.some((a) => a.id === article.id);
    articles.add(article);
    closeImport(picker);
    setSelected(article.id);
    setFilter(NO_FILTER);
    notify(
      known
        ? `“${article.title}” was imported before; here it is.`
        : `Imported “${article.title}” with ${article.snippets.length} snippets.`,
      known ? "info" : "success",
    );
  };
  const insert = (snippet: Snippet) => {
    if (!onInsert(snippet))
      notify("Click in the brief where the snippet should go, then insert it.", "info");
  };
  const readingArticle = reading ? bodies[reading.articleId] : undefined;

  // The list stays mounted behind the reader, its pages shown kept; coming back restores where
  // it was scrolled and the focus on the button that opened the reader.
  const body = useRef<HTMLDivElement>(null);
  const before = useRef<{ opener: Element | null; scrollTop: number } | null>(null);
  const read = (target: { articleId: string; snippetId: string | null }) => {
    before.current = { opener: document.activeElement, scrollTop: body.current?.scrollTop ?? 0 };
    setReading(target);
  };
  const back = () => {
    setReading(null);
    const was = before.current;
    before.current = null;
    afterRender(() => {
      if (body.current && was) body.current.scrollTop = was.scrollTop;
      if (was?.opener instanceof HTMLElement && was.opener.isConnected) was.opener.focus();
    });
  };

  return (
    <aside className="side-panel sources-panel" aria-label="Sources">
      <div className="panel-header">
        <h2>Sources</h2>
        {!importing && (
          <button
            type="button"
            className="btn btn-small"
            ref={importButton}
            onClick={() => setImporting(true)}
          >
            <Icon name="plus" size={16} /> Import article
          </button>
        )}
      </div>
      <div className="panel-body" ref={body}>
        {importing && (
          <ImportForm onImported={imported} onCancel={() => closeImport(importButton)} />
        )}
        {articles.error && (
          <div className="notice notice-error" role="alert">
            {articles.error}{" "}
            <button type="button" className="link-button" onClick={articles.reload}>
              Try again
            </button>
          </div>
        )}
        {summaries?.length === 0 && !importing && (
          <div className="empty-state empty-small">
            <Icon name="book" size={28} />
            <h3>No sources yet</h3>
            <p>
              Import a news article — paste it, upload a file or give a link. Briefroom pulls out
              its quotes, speakers and key facts so you can cite them here.
            </p>
            <button type="button" className="btn btn-primary" onClick={() => setImporting(true)}>
              Import your first article
            </button>
          </div>
        )}
        {readingArticle && reading && (
          <ArticleReader article={readingArticle} focus={reading.snippetId} onBack={back} />
        )}
        {summaries && summaries.length > 0 && (
          <div hidden={Boolean(readingArticle && reading)}>
            <div className="article-picker">
              <select
                aria-label="Article"
                ref={picker}
                value={selected}
                onChange={(e) => setSelected(e.target.value)}
              >
                <option value={ALL}>All articles ({summaries.length})</option>
                {summaries.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                disabled={!selected || !bodies[selected]}
                onClick={() => read({ articleId: selected, snippetId: null })}
                title={
                  selected
                    ? "Read the article with its snippets highlighted"
                    : "Choose an article to read it"
                }
              >
                <Icon name="book" size={16} /> Read
              </button>
            </div>
            <SnippetFilters snippets={shown} filter={filter} onChange={setFilter} />
            {loading && !shown.length && <p className="muted">Loading snippets…</p>}
            {!loading && visible.length === 0 && (
              <div className="empty-state empty-small">
                {isFiltering(filter) ? (
                  <>
                    <p>No snippets match these filters.</p>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setFilter(NO_FILTER)}
                    >
                      Clear filters
                    </button>
                  </>
                ) : (
                  <p>
                    No quotes or facts were found in this article. Open it in the reader to see its
                    text.
                  </p>
                )}
              </div>
            )}
            <SnippetList
              key={`${selected}:${JSON.stringify(filter)}`}
              snippets={visible}
              titles={titles}
              showSource={!selected}
              canInsert={canInsert}
              onInsert={insert}
              onShow={(s) => read({ articleId: s.articleId, snippetId: s.id })}
            />
          </div>
        )}
      </div>
    </aside>
  );
}
