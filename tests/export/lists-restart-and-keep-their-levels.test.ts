import { describe, expect, it } from "vitest";
import { parseBundle } from "../../server/schema/bundle.ts";
import { paragraphs, renderParts } from "../utils/docx-xml.ts";
import { doc, li, ol, p, text, ul } from "../utils/sample-bundle.ts";

const item = (s: string) => li(p(text(s)));

async function listParagraphs(...content: Parameters<typeof doc>) {
  const { parts } = await renderParts(parseBundle(doc(...content)));
  const numbering = parts["word/numbering.xml"]!;
  const items = paragraphs(parts["word/document.xml"]!)
    .filter((x) => x.xml.includes("<w:numPr>"))
    .map((x) => ({
      text: x.text,
      level: Number(/<w:ilvl w:val="(\d+)"/.exec(x.xml)?.[1]),
      numId: /<w:numId w:val="(\d+)"/.exec(x.xml)?.[1] ?? "",
    }));
  return { items, numbering };
}

/** The format and start of a level of the list a `w:num` points at. */
function levelOf(numbering: string, numId: string, level: number) {
  const num = new RegExp(`<w:num w:numId="${numId}">([\\s\\S]*?)</w:num>`).exec(numbering)![1]!;
  const abstractId = /<w:abstractNumId w:val="(\d+)"/.exec(num)![1];
  const abstract = new RegExp(
    `<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>([\\s\\S]*?)</w:abstractNum>`,
  ).exec(numbering)![1]!;
  const lvl = new RegExp(`<w:lvl [^>]*w:ilvl="${level}"[^>]*>([\\s\\S]*?)</w:lvl>`).exec(
    abstract,
  )![1]!;
  const override = new RegExp(
    `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="(\\d+)"`,
  ).exec(num)?.[1];
  return { format: /<w:numFmt w:val="([^"]+)"/.exec(lvl)![1], start: Number(override) };
}

describe("lists", () => {
  it("get one numbering instance each, so a second list restarts instead of continuing", async () => {
    const { items, numbering } = await listParagraphs(
      ol(1, item("a"), item("b")),
      p(text("between")),
      ol(1, item("c")),
    );
    expect(items.map((i) => i.text)).toEqual(["a", "b", "c"]);
    expect(items[0]!.numId).toBe(items[1]!.numId);
    expect(items[2]!.numId).not.toBe(items[0]!.numId);
    expect(levelOf(numbering, items[2]!.numId, 0)).toEqual({ format: "decimal", start: 1 });
    const used = new Set(items.map((i) => i.numId));
    expect(used.size).toBe(2);
  });

  it("keep a nested list's own type at its own level", async () => {
    const { items, numbering } = await listParagraphs(
      ol(1, li(p(text("one")), ul(item("dot"), item("dot2"))), item("two")),
      ul(item("x"), li(p(text("y")), ol(1, item("y1")))),
    );
    expect(items.map((i) => [i.text, i.level])).toEqual([
      ["one", 0],
      ["dot", 1],
      ["dot2", 1],
      ["two", 0],
      ["x", 0],
      ["y", 0],
      ["y1", 1],
    ]);
    expect(levelOf(numbering, items[0]!.numId, 0).format).toBe("decimal");
    expect(levelOf(numbering, items[1]!.numId, 1).format).toBe("bullet");
    expect(levelOf(numbering, items[4]!.numId, 0).format).toBe("bullet");
    expect(levelOf(numbering, items[6]!.numId, 1).format).toBe("lowerLetter");
    expect(new Set(items.map((i) => i.numId)).size).toBe(4);
  });

  it("honour an ordered list's start value", async () => {
    const { items, numbering } = await listParagraphs(ol(4, item("four"), item("five")));
    expect(levelOf(numbering, items[0]!.numId, 0)).toEqual({ format: "decimal", start: 4 });
  });
});
