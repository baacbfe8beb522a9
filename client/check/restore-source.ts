import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import {
  attributionAt,
  attributionEnd,
  isAttributionLine,
} from "../../server/schema/attribution.ts";
import type { Problem } from "../../server/schema/check.ts";
import type { LocatedBlock } from "./block-at-path.ts";
import { blockText } from "./block-text.ts";

const WORDING = new Set<Problem["kind"]>(["altered", "elided", "inserted"]);

/**
 * True when "restore" can fix the problem in a snippet blockquote (`inQuote`) or in cited
 * text: the source's words are known, or the speaker (a blockquote whose snippet names no
 * speaker loses the name the brief gave it).
 */
export function canRestore(problem: Problem, inQuote: boolean): boolean {
  if (WORDING.has(problem.kind)) return problem.expected !== undefined;
  if (problem.kind !== "wrong_speaker" || problem.found === undefined) return false;
  return inQuote || problem.expected !== undefined;
}

/**
 * A transaction that puts the source back where the brief departs from it: a snippet
 * blockquote gets the snippet's words (keeping a closing "— Name" line), cited text gets the
 * source's words in place of what it shows, and a wrong speaker becomes the snippet's (in the
 * `speaker` attr and in an attribution line). Null when there is nothing it can change.
 */
export function restoreSource(
  state: EditorState,
  block: LocatedBlock,
  problem: Problem,
): Transaction | null {
  const quote = block.node.type.name === "blockquote";
  if (!canRestore(problem, quote)) return null;
  if (problem.kind === "wrong_speaker")
    return quote
      ? restoreQuoteSpeaker(state, block, problem)
      : restoreCitedSpeaker(state, block, problem);
  return quote
    ? restoreQuoteWords(state, block, problem.expected!)
    : restoreCitedWords(state, block, problem);
}

const lineText = (node: PMNode) => (node.isTextblock ? node.textContent : "");

/** The blockquote's closing attribution line (kept when its words are restored), if any. */
function closingLine(quote: PMNode): PMNode | null {
  const last = quote.lastChild;
  return quote.childCount > 1 && last && isAttributionLine(lineText(last)) ? last : null;
}

function restoreQuoteWords(state: EditorState, { node, pos }: LocatedBlock, expected: string) {
  const keep = closingLine(node);
  const from = pos + 1;
  const to = pos + node.nodeSize - 1 - (keep?.nodeSize ?? 0);
  const { schema } = state;
  return state.tr.replaceWith(
    from,
    to,
    schema.nodes.paragraph!.create(null, schema.text(expected)),
  );
}

function restoreCitedWords(state: EditorState, { node, pos }: LocatedBlock, problem: Problem) {
  if (!problem.snippetId) return null;
  const block = blockText(node, pos);
  const runs = block.citedRuns(problem.snippetId);
  const found = problem.found ?? "";
  const run =
    runs.find((r) => found && block.text.slice(r.start, r.end).includes(found)) ?? runs[0];
  if (!run) return null;
  const cited = block.text.slice(run.start, run.end);
  let start = found ? cited.indexOf(found) : -1;
  let end = start + found.length;
  if (start < 0) {
    // Not where the check saw it (edited since): restore everything inside the quote marks.
    start = cited.length - cited.replace(/^[\s"“”„«»‘’']+/, "").length;
    end = cited.replace(/[\s"“”»‘’',]+$/, "").length;
  }
  const from = block.contentStart + run.start + start;
  const to = block.contentStart + run.start + Math.max(start, end);
  const marks = block.marksAt(run.start + start);
  return state.tr.replaceWith(from, to, state.schema.text(problem.expected!, marks));
}

/**
 * Where an attribution naming `found` sits in `text` (offsets of the name and of any role
 * after it), and what replaces it: the snippet's speaker, with the snippet's role where the
 * brief gave one (a role given to the wrong person is dropped when the source has none).
 */
function attributionFix(text: string, found: string, problem: Problem) {
  const at = attributionAt(text);
  if (!at || at.name !== found || !problem.expected) return null;
  const nameEnd = at.start + at.name.length;
  const end = attributionEnd(text, nameEnd);
  const role = end > nameEnd && problem.expectedRole ? `, ${problem.expectedRole}` : "";
  return { start: at.start, end, text: `${problem.expected}${role}` };
}

/** Puts the snippet's speaker in an attribution line, or deletes the line when it has none. */
function fixAttributionLine(tr: Transaction, line: PMNode, linePos: number, problem: Problem) {
  const text = lineText(line);
  const pos = tr.mapping.map(linePos);
  if (problem.expected === undefined) {
    if (attributionAt(text)?.name === problem.found) tr.delete(pos, pos + line.nodeSize);
    return;
  }
  const fix = attributionFix(text, problem.found!, problem);
  if (fix) tr.insertText(fix.text, pos + 1 + fix.start, pos + 1 + fix.end);
}

function restoreQuoteSpeaker(state: EditorState, { node, pos }: LocatedBlock, problem: Problem) {
  const speaker = problem.expected;
  const tr = state.tr.setNodeMarkup(pos, undefined, {
    ...node.attrs,
    speaker: speaker ?? null,
    speakerRole: (speaker && problem.expectedRole) ?? null,
  });
  const $after = state.doc.resolve(pos + node.nodeSize);
  const follower = $after.nodeAfter;
  if (follower?.type.name === "paragraph" && isAttributionLine(lineText(follower)))
    fixAttributionLine(tr, follower, $after.pos, problem);
  const closing = closingLine(node);
  if (closing) fixAttributionLine(tr, closing, pos + node.nodeSize - 1 - closing.nodeSize, problem);
  return tr;
}

function restoreCitedSpeaker(state: EditorState, { node, pos }: LocatedBlock, problem: Problem) {
  if (!problem.snippetId || !problem.expected) return null;
  const block = blockText(node, pos);
  for (const run of block.citedRuns(problem.snippetId)) {
    const fix = attributionFix(block.text.slice(run.end), problem.found!, problem);
    if (!fix) continue;
    const from = block.contentStart + run.end;
    return state.tr.insertText(fix.text, from + fix.start, from + fix.end);
  }
  return null;
}
