import { guidanceText } from "../briefs/initial-doc.ts";
import type { BriefMeta } from "../collab/meta.ts";
import type { PMNode } from "../schema/brief.ts";
import type { Template, TemplateSection } from "../schema/template.ts";
import { parseTemplate } from "./validate.ts";

export interface FromBriefInput {
  id: string;
  name: string;
  meta: BriefMeta;
  body: PMNode;
  /** The template the brief was made from, if it still exists. */
  base: Template | null;
}

/**
 * A template with a brief's structure: each heading in the body becomes a section (its
 * guidance and auto-fill rule kept when the base template has a section of that heading and
 * the paragraph under the heading is still its guidance). Fields and export style come from
 * the brief's template, so briefs made from the new template look like this one.
 */
export function templateFromBrief({ id, name, meta, body, base }: FromBriefInput): Template {
  const unmatched = [...(base?.sections ?? [])];
  const blocks = body.content ?? [];
  const sections: TemplateSection[] = [];
  blocks.forEach((node, i) => {
    const heading = textOf(node).replace(/\s+/g, " ").trim().slice(0, 200);
    if (node.type !== "heading" || !heading) return;
    const level = Math.min(3, Math.max(1, Number(node.attrs?.level) || 1));
    const match = unmatched.findIndex((s) => s.heading === heading);
    const origin = match >= 0 ? unmatched.splice(match, 1)[0] : undefined;
    const next = blocks[i + 1];
    const keepsGuidance =
      origin && next?.type === "paragraph" && textOf(next).trim() === guidanceText(origin);
    sections.push({
      heading,
      level,
      guidance: keepsGuidance ? origin.guidance : "",
      ...(origin?.autofill ? { autofill: origin.autofill } : {}),
    });
  });
  return parseTemplate({
    id,
    name,
    description: `Made from the brief "${meta.title}".`.slice(0, 1000),
    version: 1,
    fields: base?.fields ?? [],
    sections: sections.slice(0, 100),
    ...(base ? { style: base.style } : {}),
  });
}

function textOf(node: PMNode): string {
  if (node.type === "text") return node.text ?? "";
  return (node.content ?? []).map(textOf).join("");
}
