import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { TitleInput } from "../../client/components/title-input.tsx";
import { FieldInput } from "../../client/fields/field-input.tsx";
import { TemplateFieldSchema } from "../../server/schema/template.ts";
import { mountTextControl } from "../utils/text-control-dom.ts";

const title = (value: string, onChange: (v: string) => void) =>
  createElement(TitleInput, { value, onChange });

describe("a focused title box", () => {
  it("shows another person's rename, so typing builds on it", async () => {
    const dom = await mountTextControl(title, "Old title");
    await dom.focus();
    await dom.remote("Bob's title");
    expect(dom.control.value).toBe("Bob's title");
    await dom.type("Bob's title!");
    expect(dom.writes).toEqual(["Bob's title!"]);
  });

  it("keeps the caret in place when a rename arrives after it", async () => {
    const dom = await mountTextControl(title, "Base");
    await dom.focus();
    await dom.type("XBase", 1);
    await dom.remote("XBasexyz");
    expect(dom.control.value).toBe("XBasexyz");
    expect(dom.control.selectionStart).toBe(1);
  });

  it("keeps a blanked title to itself until it loses focus", async () => {
    const dom = await mountTextControl(title, "Base");
    await dom.focus();
    await dom.type("");
    expect(dom.control.value).toBe("");
    await dom.blur();
    expect(dom.control.value).toBe("Base");
    expect(dom.writes).toEqual([]);
  });
});

describe("a focused template field", () => {
  const field = (type: "text" | "textarea") => {
    const author = TemplateFieldSchema.parse({
      key: "author",
      label: "Author",
      type: "text",
      maxLength: type === "textarea" ? 1000 : 100,
    });
    return (value: string, onChange: (v: string) => void) =>
      createElement(FieldInput, { field: author, value, onChange });
  };

  for (const type of ["text", "textarea"] as const) {
    it(`keeps the ${type} caret where it was when someone else's edit arrives`, async () => {
      const dom = await mountTextControl(field(type), "Smith");
      await dom.focus();
      await dom.type("Dr Smith", 3);
      await dom.remote("Dr SmithQ");
      expect([dom.control.selectionStart, dom.control.selectionEnd]).toEqual([3, 3]);
      await dom.remote("Prof Dr SmithQ");
      expect(dom.control.selectionStart).toBe(8);
    });
  }
});
