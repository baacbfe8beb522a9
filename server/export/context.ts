import type { BundleSource } from "../schema/bundle.ts";
import type { ExportStyle } from "../schema/template.ts";
import type { FootnoteRegistry } from "./footnotes.ts";
import type { ListRegistry } from "./lists.ts";

/** What every block and inline renderer shares while one document is written. */
export interface RenderContext {
  style: ExportStyle;
  sources: Record<string, BundleSource>;
  notes: FootnoteRegistry;
  lists: ListRegistry;
  /** Width between the margins, in twips; tables are laid out to it. */
  textWidth: number;
  /** Reports a node or mark the renderer does not know (once per kind). */
  warn: (kind: string, name: string) => void;
}

/** Overrides that a containing block applies to the paragraphs inside it. */
export interface BlockOptions {
  /** Paragraph style for plain paragraphs (quotes, table cells). */
  paragraphStyle?: string;
  /** List nesting depth of the container (0 outside lists). */
  listLevel?: number;
}
