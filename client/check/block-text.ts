import type { Mark, Node as PMNode } from "@tiptap/pm/model";

/** A stretch of a textblock's text carrying one snippet's citation mark. */
export interface CitedRun {
  start: number;
  end: number;
}

/**
 * A textblock's text as the source check reads it (hard breaks as "\n"). Every inline node of
 * the schema is one character per position, so an offset into `text` plus `contentStart` is
 * the document position of that character.
 */
export interface BlockText {
  text: string;
  contentStart: number;
  /** The marks of the character at `offset` (the last one's at the very end). */
  marksAt(offset: number): readonly Mark[];
  /** Runs citing `snippetId`, adjacent text nodes merged. */
  citedRuns(snippetId: string): CitedRun[];
}

/** Reads the textblock `node` that starts at `pos`. */
export function blockText(node: PMNode, pos: number): BlockText {
  let text = "";
  const pieces: { start: number; node: PMNode }[] = [];
  node.forEach((child) => {
    pieces.push({ start: text.length, node: child });
    text += child.isText ? (child.text ?? "") : child.type.name === "hardBreak" ? "\n" : "\ufffc";
  });
  const pieceAt = (offset: number) =>
    pieces.findLast((p) => p.start <= offset && p.start < text.length) ?? pieces[0];
  return {
    text,
    contentStart: pos + 1,
    marksAt: (offset) => pieceAt(offset)?.node.marks ?? [],
    citedRuns(snippetId) {
      const runs: CitedRun[] = [];
      for (const { start, node: child } of pieces) {
        const cites = child.marks.some(
          (m) => m.type.name === "citation" && m.attrs.snippetId === snippetId,
        );
        if (!cites) continue;
        const end = start + (child.isText ? (child.text?.length ?? 0) : 1);
        const last = runs.at(-1);
        if (last && last.end === start) last.end = end;
        else runs.push({ start, end });
      }
      return runs;
    },
  };
}
