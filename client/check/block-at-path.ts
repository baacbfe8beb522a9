import type { Node as PMNode } from "@tiptap/pm/model";
import type { Problem } from "../../server/schema/check.ts";

/** A block of the document and where it starts (the position just before it). */
export interface LocatedBlock {
  node: PMNode;
  pos: number;
}

/**
 * The node at `path` (child indexes from the doc down, as the source check gives them) and
 * its position, found by walking the children; null when the path leads nowhere.
 */
export function blockAtPath(doc: PMNode, path: readonly number[]): LocatedBlock | null {
  let node = doc;
  let pos = -1; // the doc itself has no position before it; its content starts at 0
  for (const index of path) {
    if (index >= node.childCount) return null;
    let offset = pos + 1;
    for (let i = 0; i < index; i++) offset += node.child(i).nodeSize;
    node = node.child(index);
    pos = offset;
  }
  return path.length ? { node, pos } : null;
}

const hasCitation = (block: PMNode, snippetId: string) => {
  let found = false;
  block.descendants((child) => {
    if (child.marks.some((m) => m.type.name === "citation" && m.attrs.snippetId === snippetId))
      found = true;
    return !found;
  });
  return found;
};

/**
 * The block a problem points at, if this document still has it there: the check ran on the
 * server's copy a moment ago, so a block that no longer names the problem's snippet (someone
 * inserted a paragraph above it since) is not flagged until the next check.
 */
export function problemBlock(doc: PMNode, problem: Problem): LocatedBlock | null {
  const block = blockAtPath(doc, problem.path);
  if (!block) return null;
  const { node } = block;
  if (node.type.name === "blockquote") {
    if (problem.snippetId && node.attrs.snippetId !== problem.snippetId) return null;
    return block;
  }
  if (!node.isTextblock) return null;
  if (problem.snippetId && !hasCitation(node, problem.snippetId)) return null;
  return block;
}
