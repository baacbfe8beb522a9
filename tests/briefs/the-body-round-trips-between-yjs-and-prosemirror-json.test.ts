import { describe, expect, it } from "vitest";
import { docToJSON, jsonToDoc } from "../../server/briefs/doc-json.ts";
import { AppError } from "../../server/errors.ts";
import type { PMNode } from "../../server/schema/brief.ts";
import { BODY_FIELD } from "../../server/schema/editor.ts";

const rich: PMNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Findings" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Bold", marks: [{ type: "bold" }] },
        {
          type: "text",
          text: " and cited",
          marks: [{ type: "citation", attrs: { snippetId: "s1", articleId: "a1" } }],
        },
      ],
    },
    {
      type: "blockquote",
      attrs: { snippetId: "s2", speaker: "Hong Min", speakerRole: "analyst", articleId: "a1" },
      content: [{ type: "paragraph", content: [{ type: "text", text: "solid" }] }],
    },
    {
      type: "orderedList",
      attrs: { start: 3, type: null },
      content: [
        {
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: "third" }] }],
        },
      ],
    },
    { type: "paragraph" },
  ],
};

describe("docToJSON and jsonToDoc", () => {
  it("give back the same body after a trip through Yjs and back", () => {
    const once = docToJSON(jsonToDoc(rich));
    expect(once.content?.[2]?.attrs).toEqual(rich.content?.[2]?.attrs);
    expect(docToJSON(jsonToDoc(once))).toEqual(once);
    expect(jsonToDoc(once).getXmlFragment(BODY_FIELD).toString()).toBe(
      jsonToDoc(rich).getXmlFragment(BODY_FIELD).toString(),
    );
  });

  it("refuse a body the editor schema rejects, naming doc", () => {
    const bad = { type: "doc", content: [{ type: "marquee" }] };
    expect(() => jsonToDoc(bad)).toThrow(AppError);
    expect(() => jsonToDoc(bad)).toThrow(/^doc: /);
    const misplaced = { type: "doc", content: [{ type: "text", text: "loose text" }] };
    expect(() => jsonToDoc(misplaced)).toThrow(/^doc: /);
  });
});
