import { describe, expect, it } from "vitest";
import { snippetContent, snippetFromDrag } from "../../client/editor/snippet-content.ts";
import type { Snippet } from "../../server/schema/article.ts";
import { editorSchema } from "../../server/schema/editor.ts";

const quote: Snippet = {
  id: "s1",
  articleId: "a1",
  kind: "quote",
  text: "This establishes a framework",
  speaker: "Hong Min",
  speakerRole: "senior analyst",
  paragraph: 3,
  start: 1,
  end: 29,
};
const fact: Snippet = {
  id: "s2",
  articleId: "a1",
  kind: "fact",
  text: "About 1,500 soldiers are in Russia.",
  paragraph: 1,
  start: 0,
  end: 35,
};

describe("a snippet inserted into a brief", () => {
  it("becomes a blockquote carrying its speaker, role and source when it is a quote", () => {
    const [node] = snippetContent(quote);
    expect(node).toEqual({
      type: "blockquote",
      attrs: {
        snippetId: "s1",
        speaker: "Hong Min",
        speakerRole: "senior analyst",
        articleId: "a1",
      },
      content: [
        { type: "paragraph", content: [{ type: "text", text: "This establishes a framework" }] },
      ],
    });
    const doc = editorSchema.nodeFromJSON({ type: "doc", content: snippetContent(quote) });
    doc.check();
    expect(doc.firstChild?.attrs.speaker).toBe("Hong Min");
  });

  it("leaves speaker attrs null for a quote nobody is credited with", () => {
    const [node] = snippetContent({ ...quote, speaker: undefined, speakerRole: undefined });
    expect(node?.attrs).toMatchObject({ speaker: null, speakerRole: null });
  });

  it("becomes text with a citation mark, then an unmarked space, when it is a fact", () => {
    const doc = editorSchema.nodeFromJSON({
      type: "doc",
      content: [{ type: "paragraph", content: snippetContent(fact) }],
    });
    doc.check();
    const [cited, space] = doc.firstChild?.content.content ?? [];
    expect(cited?.text).toBe(fact.text);
    expect(cited?.marks.map((m) => [m.type.name, m.attrs])).toEqual([
      ["citation", { snippetId: "s2", articleId: "a1" }],
    ]);
    expect(space?.text).toBe(" ");
    expect(space?.marks).toEqual([]);
  });

  it("travels through drag data and back, and ignores anything else dropped", () => {
    expect(snippetFromDrag(JSON.stringify(quote))).toEqual(quote);
    expect(snippetFromDrag("not json")).toBeNull();
    expect(
      snippetFromDrag(JSON.stringify({ id: "x", text: "t", kind: "poem", articleId: "a" })),
    ).toBeNull();
  });
});
