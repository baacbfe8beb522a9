import { Paragraph, TextRun } from "docx";
import type { Template } from "../schema/template.ts";
import { StyleId } from "./styles.ts";

function fieldLines(template: Template, values: Record<string, string>) {
  return template.fields
    .map((field) => ({ label: field.label, value: values[field.key] ?? "" }))
    .filter((f) => f.value.trim() !== "");
}

/**
 * The front of the brief: with `coverPage`, the content of a cover section (title, the
 * template's name and every filled-in field); otherwise the title and a one-line summary of the fields.
 */
export function renderFront(template: Template, values: Record<string, string>): Paragraph[] {
  const title = values.title?.trim() || template.name;
  const lines = fieldLines(template, values);
  if (!template.style.coverPage) {
    const out = [new Paragraph({ style: "Title", children: [new TextRun(title)] })];
    if (lines.length > 0) {
      const meta = lines.map((l) => `${l.label}: ${l.value}`).join("   ·   ");
      out.push(new Paragraph({ style: StyleId.meta, children: [new TextRun(meta)] }));
    }
    return out;
  }
  return [
    new Paragraph({ style: "Title", spacing: { before: 2400 }, children: [new TextRun(title)] }),
    new Paragraph({ style: StyleId.coverSubtitle, children: [new TextRun(template.name)] }),
    ...lines.map(
      (l) =>
        new Paragraph({
          style: StyleId.coverField,
          children: [new TextRun({ text: `${l.label}: `, bold: true }), new TextRun(l.value)],
        }),
    ),
  ];
}
