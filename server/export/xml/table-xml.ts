import type { PMNode } from "../../schema/brief.ts";
import { hex, StyleId } from "../styles.ts";
import { columnWidths, span } from "../tables.ts";
import { writeBlocks } from "./blocks-xml.ts";
import { esc } from "./escape.ts";
import { para, pStyle } from "./primitives.ts";
import type { XmlContext } from "./xml-context.ts";

interface Cell {
  span: number;
  rowSpan: number;
  /** The width asked for, from the cell's own columns; `width` is what is written. */
  given: number;
  width: number;
  shading: string;
  content: string;
  /** Continues a merged cell from the row above (docx adds these for a `rowSpan`). */
  continues?: boolean;
  /** Whether the content ends in a paragraph (the continuation then holds an empty one). */
  endsInParagraph: boolean;
}

const LINE = 'w:val="single" w:color="BFBFBF" w:sz="4"';
const BORDERS = `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} ${LINE}/>`).join("")}</w:tblBorders>`;

/**
 * A row-spanning cell continues into the rows below it, as docx's `Table` inserts the
 * continuation cells: at the same column, with the same span, width and shading.
 */
function continueMergedCells(rows: Cell[][]): void {
  rows.forEach((row, r) => {
    if (r === rows.length - 1) return;
    let column = 0;
    for (const cell of [...row]) {
      if (cell.rowSpan > 1) {
        const next = rows[r + 1]!;
        next.splice(insertionIndex(next, column), 0, {
          ...cell,
          rowSpan: cell.rowSpan - 1,
          content: cell.endsInParagraph ? "<w:p/>" : "",
          continues: true,
        });
      }
      column += cell.span;
    }
  });
}

/** Where docx's `addCellToColumnIndex` puts a cell: before the one covering the column. */
function insertionIndex(row: Cell[], column: number): number {
  let col = 0;
  let i = 0;
  while (col <= column) {
    if (i >= row.length) return row.length;
    col += row[i]!.span;
    i++;
  }
  return i - 1;
}

function cellXml(cell: Cell): string {
  const props =
    `<w:tcW w:type="dxa" w:w="${cell.width}"/>` +
    (cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : "") +
    (cell.continues
      ? '<w:vMerge w:val="continue"/>'
      : cell.rowSpan > 1
        ? '<w:vMerge w:val="restart"/>'
        : "") +
    cell.shading;
  return `<w:tc><w:tcPr>${props}</w:tcPr>${cell.content}</w:tc>`;
}

/** A table as `renderTable` lays it out: fixed column widths and a repeated header row. */
export function writeTable(node: PMNode, ctx: XmlContext): string {
  const rows = (node.content ?? []).filter((r) => (r.content ?? []).length > 0);
  if (rows.length === 0) return "";
  const widths = columnWidths(rows[0], ctx.textWidth);
  const shading = `<w:shd w:fill="${esc(hex(ctx.style.colors.accent))}" w:color="auto" w:val="clear"/>`;
  const headers: boolean[] = [];
  const cells: Cell[][] = rows.map((row, r) => {
    headers.push(r === 0 && (row.content ?? []).every((c) => c.type === "tableHeader"));
    let column = 0;
    return (row.content ?? []).map((cell) => {
      const columnSpan = span(cell, "colspan");
      const given = widths.slice(column, column + columnSpan).reduce((a, b) => a + b, 0);
      column += columnSpan;
      const isHead = cell.type === "tableHeader";
      const style = isHead ? StyleId.tableHeading : StyleId.tableText;
      const content = writeBlocks(cell.content ?? [], ctx, { paragraphStyle: style });
      return {
        span: columnSpan,
        rowSpan: span(cell, "rowspan"),
        given: given || widths[0] || ctx.textWidth,
        width: 0,
        shading: isHead ? shading : "",
        content: content || para(pStyle(style), ""),
        endsInParagraph: !content.endsWith("</w:tbl>"),
      };
    });
  });
  continueMergedCells(cells);
  // Each cell is as wide as the columns it spans, as docx sets them once the rows are final.
  for (const row of cells) {
    let column = 0;
    for (const cell of row) {
      const spanned = widths.slice(column, column + cell.span);
      const sum = spanned.reduce((a, b) => a + b, 0);
      cell.width = spanned.length === cell.span && sum > 0 ? sum : cell.given;
      column += cell.span;
    }
  }
  const total = widths.reduce((a, b) => a + b, 0);
  let out = `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/>${BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  cells.forEach((row, r) => {
    out += `<w:tr><w:trPr><w:cantSplit/>${headers[r] ? "<w:tblHeader/>" : ""}</w:trPr>`;
    for (const cell of row) out += cellXml(cell);
    out += "</w:tr>";
  });
  return `${out}</w:tbl>`;
}
