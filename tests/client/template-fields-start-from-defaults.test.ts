import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { docxFileName } from "../../client/components/download-button.tsx";
import { relativeTime } from "../../client/components/format.ts";
import { normaliseHref } from "../../client/editor/toolbar-state.ts";
import { fieldDefaults, isoDate, missingRequired } from "../../client/fields/defaults.ts";
import { FieldInput } from "../../client/fields/field-input.tsx";
import { matchRoute, paths } from "../../client/router.ts";
import { TemplateFieldSchema } from "../../server/schema/template.ts";

const fields = [
  {
    key: "classification",
    label: "Classification",
    type: "select",
    options: ["OFFICIAL", "SECRET"],
    default: "OFFICIAL",
    required: true,
  },
  { key: "audience", label: "Audience", type: "select", options: ["Minister", "Public"] },
  { key: "author", label: "Author", type: "text", required: true },
  { key: "date", label: "Date", type: "date", default: "today" },
].map((f) => TemplateFieldSchema.parse(f));

describe("UI helpers", () => {
  it("fill template fields with their defaults, today's date for 'today'", () => {
    const today = new Date(2024, 9, 25);
    // A select without a default starts empty (it is no caveat or audience nobody chose).
    expect(fieldDefaults(fields, today)).toEqual({
      classification: "OFFICIAL",
      audience: "",
      author: "",
      date: "2024-10-25",
    });
    expect(isoDate(new Date(2024, 0, 5))).toBe("2024-01-05");
  });

  it("offer an empty choice in a select: None while optional, Choose… until required is met", () => {
    const options = (index: number, value: string) =>
      [
        ...renderToStaticMarkup(
          createElement(FieldInput, { field: fields[index]!, value, onChange: () => {} }),
        ).matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g),
      ].map(([, v, selected, label]) => `${v}=${label}${selected ? " (selected)" : ""}`);
    expect(options(1, "")).toEqual(["=None (selected)", "Minister=Minister", "Public=Public"]);
    expect(options(1, "Public")).toEqual([
      "=None",
      "Minister=Minister",
      "Public=Public (selected)",
    ]);
    expect(options(0, "")).toEqual(["=Choose… (selected)", "OFFICIAL=OFFICIAL", "SECRET=SECRET"]);
    expect(options(0, "SECRET")).toEqual(["OFFICIAL=OFFICIAL", "SECRET=SECRET (selected)"]);
  });

  it("name the required fields left empty", () => {
    expect(missingRequired(fields, { classification: "OFFICIAL", author: "  " })).toEqual([
      "Author",
    ]);
  });

  it("route /, /briefs/:id and anything else", () => {
    expect(matchRoute("/")).toEqual({ page: "home" });
    expect(matchRoute(paths.brief("abc_1"))).toEqual({ page: "brief", id: "abc_1" });
    expect(matchRoute("/briefs/../etc")).toEqual({ page: "not-found" });
  });

  it("accept only web and mail links in the editor", () => {
    expect(normaliseHref("example.org/x")).toBe("https://example.org/x");
    expect(normaliseHref("javascript:alert(1)")).toBeNull();
    expect(normaliseHref("mailto:a@b.org")).toBe("mailto:a@b.org");
  });

  it("name downloads after the brief and say when it was edited", () => {
    expect(docxFileName('Grid: "winter" / Q3')).toBe("Grid winter Q3.docx");
    expect(docxFileName("  ")).toBe("Brief.docx");
    const now = Date.parse("2024-10-25T12:00:00Z");
    expect(relativeTime("2024-10-25T11:59:50Z", now)).toBe("just now");
    expect(relativeTime("2024-10-25T11:55:00Z", now)).toBe("5 minutes ago");
    expect(relativeTime("2024-10-24T12:00:00Z", now)).toBe("yesterday");
  });
});
