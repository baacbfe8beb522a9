import { useEffect, useRef } from "react";
import type { Article } from "../../server/schema/article.ts";
import { Icon } from "../components/icon.tsx";
import { copyWithCitation } from "./citation-clipboard.ts";
import {
  type HighlightNode,
  nestSegments,
  segmentParagraph,
  snippetsByParagraph,
} from "./highlight.ts";

interface ArticleReaderProps {
  article: Article;
  focus: string | null;
  onBack: () => void;
}

/**
 * Highlights as marks, a snippet inside another as a mark inside its mark, so that each can be
 * focused and a selection within one cites it. Every mark of the focused snippet is `hl-focus`.
 */
function Highlights({ nodes, focus }: { nodes: HighlightNode[]; focus: string | null }) {
  return nodes.map((node, j) =>
    typeof node === "string" ? (
      node
    ) : (
      <mark
        // biome-ignore lint/suspicious/noArrayIndexKey: highlights are derived, stable per render
        key={j}
        className={`hl hl-${node.snippet.kind}${node.snippet.id === focus ? " hl-focus" : ""}`}
        data-snippet-id={node.snippet.id}
        title={
          node.snippet.speaker
            ? `${node.snippet.kind} — ${node.snippet.speaker}`
            : node.snippet.kind
        }
      >
        <Highlights nodes={node.children} focus={focus} />
      </mark>
    ),
  );
}

const safeHref = (url?: string) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/**
 * The article as cleaned text, every snippet highlighted where it came from. Rendered as
 * text nodes only: imported HTML never reaches the DOM. Text copied from it pastes into the
 * brief with a citation of the article (and of the snippet, when copied from within one).
 */
export function ArticleReader({ article, focus, onBack }: ArticleReaderProps) {
  const ref = useRef<HTMLDivElement>(null);
  const backButton = useRef<HTMLButtonElement>(null);
  const byParagraph = snippetsByParagraph(article.snippets);
  // Keyboard users land in the reader, on its way back.
  useEffect(() => backButton.current?.focus({ preventScroll: true }), []);
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
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the reader goes back
    <div
      className="reader"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === "Escape") onBack();
      }}
    >
      <div className="reader-bar">
        <button type="button" className="btn btn-quiet btn-small" onClick={onBack} ref={backButton}>
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
            <Highlights
              nodes={nestSegments(segmentParagraph(text, byParagraph.get(i) ?? []))}
              focus={focus}
            />
          </p>
        ))}
      </div>
    </div>
  );
}
