import type { ArticleSummary } from "../../server/schema/article.ts";

interface ArticleChoiceProps {
  articles: ArticleSummary[] | null;
  value: string[];
  onChange: (ids: string[]) => void;
  draft: boolean;
  onDraft: (draft: boolean) => void;
}

/** Imported articles to draft the brief from. */
export function ArticleChoice({ articles, value, onChange, draft, onDraft }: ArticleChoiceProps) {
  const toggle = (id: string) =>
    onChange(value.includes(id) ? value.filter((x) => x !== id) : [...value, id]);
  return (
    <fieldset className="article-choice">
      <legend>Articles to draft from</legend>
      {articles === null && <p className="muted">Loading articles…</p>}
      {articles?.length === 0 && (
        <p className="muted">
          No articles imported yet. You can import them from the Sources panel once the brief is
          open.
        </p>
      )}
      {articles && articles.length > 0 && (
        <>
          <ul className="article-options">
            {articles.map((a) => (
              <li key={a.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={value.includes(a.id)}
                    onChange={() => toggle(a.id)}
                  />
                  <span>{a.title}</span>
                  <span className="muted">
                    {a.source?.publisher ? `${a.source.publisher} · ` : ""}
                    {a.snippetCount} snippets
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <label className="check">
            <input
              type="checkbox"
              checked={draft}
              disabled={!value.length}
              onChange={(e) => onDraft(e.target.checked)}
            />
            Draft the template's sections from these articles' quotes and facts
          </label>
        </>
      )}
    </fieldset>
  );
}
