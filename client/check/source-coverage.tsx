import type { CheckResult, CoverageFigures } from "../../server/schema/check.ts";

interface SourceCoverageProps {
  result: CheckResult | null;
  /** Brings a block (a section's heading, a flagged quote) into view. */
  onShow: (path: readonly number[]) => void;
}

const percent = ({ ratio, factual }: CoverageFigures) =>
  factual ? `${Math.round(ratio * 100)}%` : "—";

/** How much of the cited share is filled, coloured by how it stands. */
function CoverageBar({ figures }: { figures: CoverageFigures }) {
  const level = !figures.factual
    ? "none"
    : figures.ratio >= 0.8
      ? "good"
      : figures.ratio >= 0.5
        ? "fair"
        : "low";
  return (
    <span className="coverage-bar" data-level={level} aria-hidden="true">
      <span style={{ width: `${Math.round(figures.ratio * 100)}%` }} />
    </span>
  );
}

/**
 * The share of factual sentences (figures, dates, named actors) that cite a source, for the
 * whole brief and per section, and how many problems the margin flags: all from the live
 * source check, so it moves as anyone writes.
 */
export function SourceCoverage({ result, onShow }: SourceCoverageProps) {
  if (!result) {
    return (
      <section className="source-coverage" aria-label="Source coverage">
        <h3>Source coverage</h3>
        <p className="muted">Checking the brief against its sources…</p>
      </section>
    );
  }
  const { brief, sections } = result.coverage;
  const { problems } = result;
  return (
    <section className="source-coverage" aria-label="Source coverage">
      <div className="coverage-head">
        <h3>Source coverage</h3>
        <span className="coverage-figure">{percent(brief)}</span>
      </div>
      <CoverageBar figures={brief} />
      <p className="coverage-note">
        {brief.factual
          ? `${brief.cited} of ${brief.factual} factual sentences cite a source`
          : "No factual sentences yet"}
      </p>
      {sections.length > 0 && (
        <ul className="coverage-sections">
          {sections.map((s) => (
            <li key={s.path.join(".") || "opening"}>
              <button type="button" className="coverage-row" onClick={() => onShow(s.path)}>
                <span className="coverage-heading">{s.heading || "Opening"}</span>
                <span className="coverage-count">
                  {s.factual ? `${s.cited}/${s.factual}` : "no facts"}
                </span>
                <CoverageBar figures={s} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 ? (
        <button
          type="button"
          className="coverage-problems"
          onClick={() => problems[0] && onShow(problems[0].path)}
        >
          {problems.length === 1
            ? "1 source problem, flagged in the margin"
            : `${problems.length} source problems, flagged in the margin`}
        </button>
      ) : (
        <p className="coverage-clean">No source problems found.</p>
      )}
    </section>
  );
}
