import { esc } from "./escape.ts";

/** A paragraph: its properties (inner XML of `w:pPr`) and content; empty gives `<w:p/>`. */
export function para(pPr: string, content: string): string {
  if (pPr === "" && content === "") return "<w:p/>";
  return pPr === "" ? `<w:p>${content}</w:p>` : `<w:p><w:pPr>${pPr}</w:pPr>${content}</w:p>`;
}

export const pStyle = (id: string) => `<w:pStyle w:val="${esc(id)}"/>`;

/** A run: its properties (inner XML of `w:rPr`) and content. */
export function run(rPr: string, content: string): string {
  return rPr === "" ? `<w:r>${content}</w:r>` : `<w:r><w:rPr>${rPr}</w:rPr>${content}</w:r>`;
}

export const text = (value: string) => `<w:t xml:space="preserve">${esc(value)}</w:t>`;

/** A run of plain text, as docx writes `new TextRun(value)`. */
export const textRun = (value: string, rPr = "") => run(rPr, text(value));

export const footnoteRef = (id: number) =>
  `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;

export const hyperlink = (relId: string, runs: string) =>
  `<w:hyperlink w:history="1" r:id="${relId}">${runs}</w:hyperlink>`;

export const rStyle = (id: string) => `<w:rStyle w:val="${esc(id)}"/>`;
