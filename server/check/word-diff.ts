import { briefPieces, type Piece, sameWord, sourceWords, type Word } from "./tokens.ts";

/** How a brief's quotation departs from its source, as runs of words. */
export interface WordingDiff {
  /** Source words dropped, and words added, with nothing in the brief to say so. */
  altered: { removed: string[]; added: string[] };
  /** Source words dropped where the brief shows an ellipsis. */
  elided: string[];
  /** Bracketed words, and the source words they stand in for. */
  inserted: { added: string[]; removed: string[] };
}

/** Beyond this many word pairs the quotation is compared as a whole, not word by word. */
const MAX_CELLS = 4_000_000;

/**
 * Word-level comparison of a quotation in the brief with its source: the longest common
 * subsequence of words aligns the two, and each gap between aligned words is read by what
 * the brief shows there (an ellipsis, brackets, or nothing). Punctuation is not compared.
 */
export function diffWording(source: string, brief: string): WordingDiff {
  const expected = sourceWords(source);
  const pieces = briefPieces(brief, source);
  const diff: WordingDiff = {
    altered: { removed: [], added: [] },
    elided: [],
    inserted: { added: [], removed: [] },
  };
  const literals = pieces.flatMap((p, k) => (p.kind === "word" ? [k] : []));
  if (expected.length * literals.length > MAX_CELLS) {
    diff.altered = { removed: [source], added: [brief] };
    return diff;
  }
  const pairs = align(
    expected,
    literals.map((k) => (pieces[k] as { word: Word }).word),
  ).map(([e, l]) => [e, literals[l]!] as const);
  let e0 = 0;
  let p0 = 0;
  for (const [e, p] of [...pairs, [expected.length, pieces.length] as const]) {
    readGap(expected.slice(e0, e), pieces.slice(p0, p), diff);
    e0 = e + 1;
    p0 = p + 1;
  }
  return diff;
}

function readGap(removed: Word[], shown: Piece[], diff: WordingDiff): void {
  const phrase = removed.map((w) => w.text).join(" ");
  const inserts = shown.flatMap((p) => (p.kind === "insert" ? [p.text] : []));
  const added = shown.flatMap((p) => (p.kind === "word" ? [p.word.text] : [])).join(" ");
  if (phrase && shown.some((p) => p.kind === "ellipsis")) diff.elided.push(phrase);
  else if (phrase && inserts.length) diff.inserted.removed.push(phrase);
  else if (phrase) diff.altered.removed.push(phrase);
  diff.inserted.added.push(...inserts);
  if (added) diff.altered.added.push(added);
}

/** Index pairs [source, brief] of a longest common subsequence of the two word lists. */
function align(a: Word[], b: Word[]): [number, number][] {
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i * width + j] = sameWord(a[i]!, b[j]!)
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (
      sameWord(a[i]!, b[j]!) &&
      lengths[i * width + j] === lengths[(i + 1) * width + j + 1]! + 1
    ) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}
