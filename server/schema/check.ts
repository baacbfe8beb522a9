import { z } from "zod";

/**
 * What the source check found wrong with one quotation or citation:
 * - `altered`: words changed, dropped or added without an ellipsis or brackets to say so
 *   (beyond typographic normalisation: quote marks, whitespace, dashes, case at the start);
 * - `elided`: words left out where the brief shows an ellipsis ("…", "...", "[…]");
 * - `inserted`: words added in [brackets], possibly in place of source words;
 * - `wrong_speaker`: the speaker the brief names (blockquote `speaker` attr, or an attribution
 *   line "— Name" after the quote) is not the snippet's speaker;
 * - `unsourced_quote`: quotation marks in the brief with no snippet behind them;
 * - `missing_source`: a blockquote or citation names a snippet or article that no longer exists.
 */
export const ProblemKind = z.enum([
  "altered",
  "elided",
  "inserted",
  "wrong_speaker",
  "unsourced_quote",
  "missing_source",
]);
export type ProblemKind = z.infer<typeof ProblemKind>;

/**
 * One problem, located by `path`: the child indexes from the doc down to the block it is in
 * (a snippet blockquote, or the paragraph/heading holding the citation or quotation), e.g.
 * `[4, 1, 0]` is `doc.content[4].content[1].content[0]`.
 */
export const ProblemSchema = z.object({
  kind: ProblemKind,
  path: z.array(z.number().int().nonnegative()),
  snippetId: z.string().optional(),
  articleId: z.string().optional(),
  /** The source's words (snippet text, or the snippet's speaker for `wrong_speaker`). */
  expected: z.string().optional(),
  /** For `wrong_speaker`: the snippet's speaker's role, when the source gives one. */
  expectedRole: z.string().optional(),
  /** What the brief has in their place. */
  found: z.string().optional(),
  /** Runs of source words the brief leaves out (elided, altered, replaced by brackets). */
  removed: z.array(z.string()).optional(),
  /** Runs of words the brief adds (bracketed for `inserted`, unmarked for `altered`). */
  added: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/**
 * Factual sentences (a figure, a date or a named actor, as the extractor's fact detector sees
 * them) and how many of them carry a citation. `ratio` is cited / factual, and 1 when there
 * are no factual sentences (nothing is left unsourced).
 */
export const CoverageFiguresSchema = z.object({
  factual: z.number().int().nonnegative(),
  cited: z.number().int().nonnegative(),
  ratio: z.number().min(0).max(1),
});
export type CoverageFigures = z.infer<typeof CoverageFiguresSchema>;

/**
 * Coverage of one section: the blocks from a top-level heading of level 1 or 2 up to the
 * next one. `path` is the heading's; text before the first heading (when it holds factual
 * sentences) is a section with heading `""` and path `[]`.
 */
export const SectionCoverageSchema = CoverageFiguresSchema.extend({
  heading: z.string(),
  path: z.array(z.number().int().nonnegative()),
});
export type SectionCoverage = z.infer<typeof SectionCoverageSchema>;

/** `GET /api/briefs/:id/check`: the problems in document order, and source coverage. */
export const CheckResultSchema = z.object({
  problems: z.array(ProblemSchema),
  coverage: z.object({
    brief: CoverageFiguresSchema,
    sections: z.array(SectionCoverageSchema),
  }),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;
