import { useEffect, useRef } from "react";
import type { Article } from "../../server/schema/article.ts";
import { Icon } from "../components/icon.tsx";
import { copyWithCitation } from "./citation-clipboard.ts";
import { segmentParagraph, snippetsByParagraph } from "./highlight.ts";

interface ArticleReaderProps {
  article: Article;
  focus: string | null;
  onBack: () => void;
}

const safeHref = (url?: string) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/**
 * The article as cleaned text, every snippet highlighted where it came from. Rendered as
 * text nodes only: imported HTML never reaches the DOM. Text copied from it pastes into the
 * brief with a citation of the article (and of the snippet, when copied from within one).
 */
export function ArticleReader({ article, focus, onBack }: ArticleReaderProps) {
  const ref = useRef<HTMLDivElement>(null);
  const byParagraph = snippetsByParagraph(article.snippets);
  useEffect(() => {
    if (!focus) return;
    const el = ref.current?.querySelector(`[data-snippet-id="${CSS.escape(focus)}"]`);
    el?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [focus]);
  const { source } = article;
  const byline = [source?.publisher, source?.author, source?.publishedAt?.slice(0, 10)]
    .filter(Boolean)
    .join(" · ");
  return (
    <div className="reader" ref={ref}>
      <div className="reader-bar">
        <button type="button" className="btn btn-quiet btn-small" onClick={onBack}>
          <Icon name="back" size={16} /> Back to snippets
        </button>
      </div>
      <h3 className="reader-title">{article.title}</h3>
      {byline && <p className="reader-byline">{byline}</p>}
      {safeHref(source?.url) && (
        <a
          className="reader-link"
          href={safeHref(source?.url)}
          target="_blank"
          rel="noopener noreferrer"
        >
          Original article
        </a>
      )}
      <div className="reader-legend" aria-hidden="true">
        <span className="hl hl-quote">quote</span> <span className="hl hl-fact">fact</span>{" "}
        <span className="hl hl-heading">heading</span>
      </div>
      <div className="reader-text" onCopy={(e) => copyWithCitation(e, article.id)}>
        {article.paragraphs.map((text, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are fixed once imported
          <p key={i} className="reader-paragraph">
            {segmentParagraph(text, byParagraph.get(i) ?? []).map((seg, j) =>
              seg.snippet ? (
                <mark
                  // biome-ignore lint/suspicious/noArrayIndexKey: segments are derived, stable per render
                  key={j}
                  className={`hl hl-${seg.snippet.kind}${seg.snippet.id === focus ? " hl-focus" : ""}`}
                  data-snippet-id={seg.snippet.id}
                  title={
                    seg.snippet.speaker
                      ? `${seg.snippet.kind} — ${seg.snippet.speaker}`
                      : seg.snippet.kind
                  }
                >
                  {seg.text}
                </mark>
              ) : (
                seg.text
              ),
            )}
          </p>
        ))}
      </div>
    </div>
  );
}
