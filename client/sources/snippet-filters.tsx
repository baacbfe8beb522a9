import type { Snippet, SnippetKind } from "../../server/schema/article.ts";
import { Icon } from "../components/icon.tsx";
import {
  countByKind,
  KIND_LABEL,
  KIND_ORDER,
  type SnippetFilter,
  speakersOf,
} from "./filter-snippets.ts";

interface SnippetFiltersProps {
  snippets: Snippet[];
  filter: SnippetFilter;
  onChange: (filter: SnippetFilter) => void;
}

/** Search, kind toggles and a speaker picker over the snippets on show. */
export function SnippetFilters({ snippets, filter, onChange }: SnippetFiltersProps) {
  const counts = countByKind(snippets);
  const speakers = speakersOf(snippets);
  const toggle = (kind: SnippetKind) =>
    onChange({
      ...filter,
      kinds: filter.kinds.includes(kind)
        ? filter.kinds.filter((k) => k !== kind)
        : [...filter.kinds, kind],
    });
  return (
    <div className="snippet-filters">
      <div className="search-box">
        <Icon name="search" size={16} />
        <input
          type="search"
          aria-label="Search snippets"
          placeholder="Search quotes and facts"
          value={filter.query}
          onChange={(e) => onChange({ ...filter, query: e.target.value })}
        />
      </div>
      <div className="filter-row">
        <fieldset className="kind-toggles">
          <legend className="visually-hidden">Kinds of snippet</legend>
          {KIND_ORDER.map((kind) => (
            <button
              key={kind}
              type="button"
              className={`chip chip-${kind}`}
              aria-pressed={filter.kinds.includes(kind)}
              onClick={() => toggle(kind)}
            >
              {KIND_LABEL[kind]} <span className="chip-count">{counts[kind]}</span>
            </button>
          ))}
        </fieldset>
        <select
          className="speaker-select"
          aria-label="Speaker"
          value={filter.speaker}
          onChange={(e) => onChange({ ...filter, speaker: e.target.value })}
        >
          <option value="">All speakers</option>
          {speakers.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
