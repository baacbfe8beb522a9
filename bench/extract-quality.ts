import { scoreCorpus } from "../tests/ingest/corpus-score.ts";

/**
 * Prints quote precision/recall/F1, speaker, role and boilerplate accuracy on the labelled
 * corpus (the sample plus the development articles) and, separately, on the held-out articles
 * in `holdout/`, written after the extractor and kept apart so the figures say something about
 * unseen text. `--verbose` adds every miss.
 */
const verbose = process.argv.includes("--verbose");
const round = (value: unknown) =>
  JSON.parse(
    JSON.stringify(value, (_, v) => (typeof v === "number" ? Math.round(v * 1000) / 1000 : v)),
  );
const report = (dir: string) => {
  const { details, ...summary } = scoreCorpus(dir);
  return verbose ? { ...round(summary), details } : round(summary);
};
console.log(
  JSON.stringify(
    {
      corpus: report("tests/fixtures/articles"),
      holdout: report("tests/fixtures/articles/holdout"),
    },
    null,
    2,
  ),
);
