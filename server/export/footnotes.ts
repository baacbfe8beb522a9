import { Paragraph, TextRun } from "docx";
import type { BundleSource } from "../schema/bundle.ts";
import type { ExportStyle } from "../schema/template.ts";
import { fullSourceText, shortSourceText } from "./source-text.ts";
import { para, pStyle, rStyle, run, textRun } from "./xml/primitives.ts";

/**
 * What sets a footnote's text off from its number. Word's own footnotes start with the
 * reference mark, then a run holding one space in the paragraph's font (so it is not
 * superscripted with the mark), then the text; these are written the same way.
 */
const NOTE_SEPARATOR = " ";

/** What a footnote points at: an article (by id) and, when known, the snippet that was cited. */
export interface NoteTarget {
  articleId?: string | undefined;
  snippetId?: string | undefined;
}

/**
 * Hands out footnotes in the order the renderer meets citations, which is reading order, and
 * remembers which sources were cited (first-cited first) for the Sources list.
 */
export class FootnoteRegistry {
  /** Each note's text, by id - 1. */
  private readonly texts: string[] = [];
  private readonly namedInFull = new Set<string>();
  private nextId = 1;
  /** Article ids in the order they were first cited. */
  readonly citedOrder: string[] = [];

  constructor(
    private readonly sources: Record<string, BundleSource>,
    private readonly mode: ExportStyle["footnotes"],
  ) {}

  /** Adds a footnote naming the target's source and returns its id for a `FootnoteReferenceRun`. */
  add(target: NoteTarget): number {
    const id = this.nextId++;
    this.texts.push(this.text(target));
    return id;
  }

  /** The footnotes, keyed as `Document` wants them. */
  get footnotes(): Record<string, { children: Paragraph[] }> {
    const notes: Record<string, { children: Paragraph[] }> = {};
    this.texts.forEach((text, i) => {
      notes[String(i + 1)] = {
        children: [
          new Paragraph({
            style: "FootnoteText",
            children: [new TextRun(NOTE_SEPARATOR), new TextRun(text)],
          }),
        ],
      };
    });
    return notes;
  }

  /** The footnotes as the `w:footnote` elements of footnotes.xml, as docx would write them. */
  xml(): string {
    let out = "";
    this.texts.forEach((text, i) => {
      out += `<w:footnote w:id="${i + 1}">${para(pStyle("FootnoteText"), `${run(rStyle("FootnoteReference"), "<w:footnoteRef/>")}${textRun(NOTE_SEPARATOR)}${textRun(text)}`)}</w:footnote>`;
    });
    return out;
  }

  get count(): number {
    return this.nextId - 1;
  }

  private text({ articleId, snippetId }: NoteTarget): string {
    const source = articleId ? this.sources[articleId] : undefined;
    if (!articleId || !source) {
      const ref = articleId ?? snippetId;
      return ref ? `Source not recorded (${ref}).` : "Source not recorded.";
    }
    if (!this.citedOrder.includes(articleId)) this.citedOrder.push(articleId);
    if (this.mode === "short-repeat" && this.namedInFull.has(articleId)) {
      return shortSourceText(source);
    }
    this.namedInFull.add(articleId);
    return fullSourceText(source);
  }
}
