import {
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from "docx";
import type { PMNode } from "../schema/brief.ts";
import { renderBlocks } from "./blocks.ts";
import type { RenderContext } from "./context.ts";
import { hex, StyleId } from "./styles.ts";

export const span = (cell: PMNode, name: "colspan" | "rowspan") => {
  const n = Number(cell.attrs?.[name] ?? 1);
  return Number.isInteger(n) && n > 1 ? n : 1;
};

/**
 * Column widths in twips that fill the text width: proportional to the editor's `colwidth`
 * when the first row gives one for every column, equal otherwise.
 */
export function columnWidths(firstRow: PMNode | undefined, textWidth: number): number[] {
  const given: (number | undefined)[] = [];
  for (const cell of firstRow?.content ?? []) {
    const widths = Array.isArray(cell.attrs?.colwidth) ? (cell.attrs.colwidth as unknown[]) : [];
    for (let i = 0; i < span(cell, "colspan"); i++) {
      const w = Number(widths[i]);
      given.push(Number.isFinite(w) && w > 0 ? w : undefined);
    }
  }
  const count = Math.max(1, given.length);
  const known = given.every((w) => w !== undefined) && given.length > 0;
  const weights = known ? (given as number[]) : Array<number>(count).fill(1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / total) * textWidth));
}

/**
 * A table laid out at fixed column widths (LibreOffice and Google Docs ignore autofit), whose
 * leading header cells form a styled header row that repeats on every page.
 */
export function renderTable(node: PMNode, ctx: RenderContext): Table | undefined {
  const rows = (node.content ?? []).filter((r) => (r.content ?? []).length > 0);
  if (rows.length === 0) return undefined;
  const widths = columnWidths(rows[0], ctx.textWidth);
  const accent = hex(ctx.style.colors.accent);
  const line = { style: BorderStyle.SINGLE, size: 4, color: "BFBFBF" };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: rows.map((row, r) => {
      const header = r === 0 && (row.content ?? []).every((c) => c.type === "tableHeader");
      let column = 0;
      return new TableRow({
        tableHeader: header || undefined,
        cantSplit: true,
        children: (row.content ?? []).map((cell) => {
          const columnSpan = span(cell, "colspan");
          const width = widths.slice(column, column + columnSpan).reduce((a, b) => a + b, 0);
          column += columnSpan;
          const isHead = cell.type === "tableHeader";
          const style = isHead ? StyleId.tableHeading : StyleId.tableText;
          const children = renderBlocks(cell.content ?? [], ctx, { paragraphStyle: style });
          return new TableCell({
            children: children.length > 0 ? children : [new Paragraph({ style })],
            width: { size: width || widths[0] || ctx.textWidth, type: WidthType.DXA },
            ...(columnSpan > 1 ? { columnSpan } : {}),
            ...(span(cell, "rowspan") > 1 ? { rowSpan: span(cell, "rowspan") } : {}),
            ...(isHead
              ? { shading: { type: ShadingType.CLEAR, fill: accent, color: "auto" } }
              : {}),
          });
        }),
      });
    }),
  });
}
