/** Invisible characters that copy-paste drags along and that would break offsets. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const TERMINAL = /[.!?:"'”’)\]]$/;

/** One line of text tidied: no invisible characters, single spaces, trimmed. */
export function tidyLine(line: string): string {
  return line
    .replace(INVISIBLE, "")
    .replace(/[\s\u00A0\u2028\u2029]+/g, " ")
    .trim();
}

/**
 * Splits pasted text into lines, one paragraph each. Text hard-wrapped inside blank-line
 * separated blocks (e-mail style) is rejoined so a paragraph is one line again.
 */
export function splitLines(text: string): string[] {
  const normal = text.replace(/\r\n?/g, "\n");
  const blocks = normal.split(/\n[ \t\u00A0]*\n/);
  const wrapped = blocks.filter((b) => b.includes("\n"));
  const rows = wrapped.flatMap((b) => b.split("\n").slice(0, -1).map(tidyLine));
  const openEnds = rows.filter((r) => r.length > 40 && !TERMINAL.test(r)).length;
  const hardWrapped = rows.length >= 3 && openEnds / rows.length > 0.6;
  const lines = hardWrapped ? blocks.map((b) => b.replace(/\n/g, " ")) : normal.split("\n");
  return lines.map(tidyLine).filter((l) => l.length > 0);
}
