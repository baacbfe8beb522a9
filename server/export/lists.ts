import { AlignmentType, LevelFormat, type NumberingDefinition } from "docx";

type ListKind = "bullet" | "ordered";

const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
const BULLETS = ["•", "◦", "▪"];

function levels(kind: ListKind, start: number): NumberingDefinition["levels"] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: kind === "bullet" ? LevelFormat.BULLET : ORDERED_FORMATS[level % 3],
    text: kind === "bullet" ? BULLETS[level % 3] : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    start,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

/**
 * Gives every list in the brief its own numbering instance, so lists restart by construction:
 * a list never continues an earlier one, a nested list counts on its own at its own level, and
 * an ordered list's `start` becomes the instance's start override.
 */
export class ListRegistry {
  private readonly definitions = new Map<string, NumberingDefinition>();
  private instances = 0;

  /** A new list of this kind and start: the numbering reference and instance its items use. */
  open(kind: ListKind, start = 1): { reference: string; instance: number } {
    const reference = kind === "bullet" ? "bullets" : `ordered-from-${start}`;
    if (!this.definitions.has(reference)) {
      this.definitions.set(reference, { reference, levels: levels(kind, start) });
    }
    this.instances += 1;
    return { reference, instance: this.instances };
  }

  /** The definitions for `Document`'s `numbering.config`. */
  get config(): NumberingDefinition[] {
    return [...this.definitions.values()];
  }
}
