import { describe, expect, it } from "vitest";
import { snippetNodes } from "../../server/briefs/snippet-nodes.ts";
import { editorSchema } from "../../server/schema/editor.ts";
import { buildArticle } from "../utils/factories.ts";

const article = buildArticle({ id: "a1" });
const [fact, quote] = article.snippets as [
  (typeof article.snippets)[0],
  (typeof article.snippets)[0],
];
const citation = (s: { id: string }) => ({
  type: "citation",
  attrs: { snippetId: s.id, articleId: "a1" },
});
const valid = (nodes: unknown[]) =>
  editorSchema.nodeFromJSON({ type: "doc", content: nodes }).check();

describe("auto-filled snippets", () => {
  it("become blockquotes carrying snippetId, speaker, speakerRole and articleId as quotes", () => {
    const nodes = snippetNodes("quotes", [quote]);
    expect(nodes).toEqual([
      {
        type: "blockquote",
        attrs: {
          snippetId: quote.id,
          speaker: "Anna Berg",
          speakerRole: "the chief negotiator",
          articleId: "a1",
        },
        content: [
          { type: "paragraph", content: [{ type: "text", text: "We expect a long week," }] },
        ],
      },
    ]);
    valid(nodes);
  });

  it("become one bullet list with a cited item per snippet as bullets", () => {
    const nodes = snippetNodes("bullets", [fact, quote]);
    expect(nodes).toEqual([
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [
              {
                type: "paragraph",
                content: [{ type: "text", text: fact.text, marks: [citation(fact)] }],
              },
            ],
          },
          {
            type: "listItem",
            content: [
              {
                type: "paragraph",
                content: [
                  { type: "text", text: "“We expect a long week,”", marks: [citation(quote)] },
                  { type: "text", text: " — Anna Berg, the chief negotiator" },
                ],
              },
            ],
          },
        ],
      },
    ]);
    valid(nodes);
  });

  it("become a paragraph each whose text carries a citation as cited sentences", () => {
    const nodes = snippetNodes("cited-sentences", [fact]);
    expect(nodes).toEqual([
      { type: "paragraph", content: [{ type: "text", text: fact.text, marks: [citation(fact)] }] },
    ]);
    valid(nodes);
  });

  it("become nothing when no snippet matched", () => {
    expect(snippetNodes("bullets", [])).toEqual([]);
  });
});
