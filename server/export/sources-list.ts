import { ExternalHyperlink, HeadingLevel, Paragraph, TextRun } from "docx";
import type { PMNode } from "../schema/brief.ts";
import type { BundleSource } from "../schema/bundle.ts";
import { plainText } from "./inline.ts";
import { sourceEntryText } from "./source-text.ts";
import { StyleId } from "./styles.ts";

const headingLevel = (n: PMNode) => Number(n.attrs?.level ?? 1);

/**
 * Where the list goes when the brief already has a "Sources" heading (templates give one):
 * the index of the top-level node that ends that section. Undefined when there is none.
 */
export function sourcesSectionEnd(nodes: PMNode[]): number | undefined {
  const start = nodes.findIndex(
    (n) => n.type === "heading" && /^\s*sources\s*$/i.test(plainText(n)),
  );
  if (start < 0) return undefined;
  const level = headingLevel(nodes[start]!);
  const next = nodes.findIndex(
    (n, i) => i > start && n.type === "heading" && headingLevel(n) <= level,
  );
  return next < 0 ? nodes.length : next;
}

/**
 * Every cited source once, in the order the brief first cites them, under a "Sources" heading
 * unless the brief has its own.
 */
export function renderSourcesList(
  order: string[],
  sources: Record<string, BundleSource>,
  withHeading = true,
): Paragraph[] {
  const entries = order.flatMap((id) => (sources[id] ? [sources[id]] : []));
  if (entries.length === 0) return [];
  return [
    ...(withHeading
      ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("Sources")] })]
      : []),
    ...entries.map(
      (source) =>
        new Paragraph({
          style: StyleId.sourceEntry,
          children: [
            new TextRun(`${sourceEntryText(source)}${source.url ? " " : ""}`),
            ...(source.url
              ? [
                  new ExternalHyperlink({
                    link: source.url,
                    children: [new TextRun({ text: source.url, style: "Hyperlink" })],
                  }),
                ]
              : []),
          ],
        }),
    ),
  ];
}
