import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import type { BriefSession } from "../../client/collab/session.ts";
import { collaborativeExtensions } from "../../client/editor/extensions.ts";
import { editorSchema } from "../../server/schema/editor.ts";

describe("the browser editor's extensions", () => {
  it("add collaboration on top of the shared schema without changing its nodes or marks", () => {
    const doc = new Y.Doc();
    // Carets only need the provider's awareness; no socket is opened to build a schema.
    const provider = { awareness: new Awareness(doc) };
    const session = { briefId: "b", doc, provider } as unknown as BriefSession;
    const extensions = collaborativeExtensions(session, { name: "Ada", color: "#2563eb" });
    const names = extensions.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(["collaboration", "collaborationCaret", "snippetDrop"]),
    );
    expect(names).not.toContain("undoRedo");

    const schema = getSchema(extensions);
    expect(Object.keys(schema.nodes).sort()).toEqual(Object.keys(editorSchema.nodes).sort());
    expect(Object.keys(schema.marks).sort()).toEqual(Object.keys(editorSchema.marks).sort());
    expect(Object.keys(schema.nodes.blockquote?.spec.attrs ?? {})).toEqual(
      expect.arrayContaining(["snippetId", "speaker", "speakerRole", "articleId"]),
    );
    provider.awareness.destroy();
    doc.destroy();
  });
});
