import { normaliseTypography } from "./normalise.ts";

/** A word of a quotation; `looseCase` where a capital may differ (the start, after an ellipsis). */
export interface Word {
  text: string;
  lower: string;
  looseCase: boolean;
}

/** What a quotation in the brief is made of: its words, ellipses and [bracketed] insertions. */
export type Piece =
  | { kind: "word"; word: Word }
  | { kind: "ellipsis" }
  | { kind: "insert"; text: string };

/** Letters and digits, with inner apostrophes and hyphens, and numbers like 1,500 or 1.2. */
const WORD = "[\\p{L}\\p{N}]+(?:['-][\\p{L}\\p{N}]+|[.,]\\p{N}+)*";
const WORDS = new RegExp(WORD, "gu");
const ELLIPSIS = /^(?:…|\.{3,}|\. \. \.)$/;
/** "[W]ill" (a capital changed in brackets), "[…]", "[added words]", "…", "...", a word. */
const PIECE = new RegExp(
  `\\[(\\p{L})\\](${WORD})|\\[([^\\]]*)\\]|…|\\.{3,}|\\.(?: \\.){2}|${WORD}`,
  "gu",
);

function word(text: string, looseCase: boolean): Word {
  return { text, lower: text.toLowerCase(), looseCase };
}

/** Two words are the same up to case where either allows a different capital. */
export function sameWord(a: Word, b: Word): boolean {
  return a.lower === b.lower && (a.text === b.text || a.looseCase || b.looseCase);
}

/** The source's words; brackets and ellipses in the source itself are just text. */
export function sourceWords(text: string): Word[] {
  return [...normaliseTypography(text).matchAll(WORDS)].map((m, i) => word(m[0], i === 0));
}

/**
 * The brief's quotation as pieces. Brackets the source itself contains (verbatim) are read as
 * its words, not as the brief's insertions.
 */
export function briefPieces(text: string, source: string): Piece[] {
  const normalised = normaliseTypography(text);
  const sourceText = normaliseTypography(source);
  const pieces: Piece[] = [];
  let loose = true;
  const push = (piece: Piece) => {
    pieces.push(piece);
    loose = piece.kind === "ellipsis";
  };
  for (const m of normalised.matchAll(PIECE)) {
    const [all, capital, rest, bracketed] = m;
    if (capital !== undefined && rest !== undefined) {
      push({ kind: "word", word: word(capital + rest, true) });
    } else if (bracketed !== undefined && ELLIPSIS.test(bracketed.trim())) {
      push({ kind: "ellipsis" });
    } else if (bracketed !== undefined && !sourceText.includes(all)) {
      if (/[\p{L}\p{N}]/u.test(bracketed)) push({ kind: "insert", text: bracketed.trim() });
    } else if (bracketed !== undefined) {
      for (const w of bracketed.match(WORDS) ?? []) push({ kind: "word", word: word(w, loose) });
    } else if (ELLIPSIS.test(all)) {
      push({ kind: "ellipsis" });
    } else {
      push({ kind: "word", word: word(all, loose) });
    }
  }
  return pieces;
}
