import { describe, expect, it } from "vitest";
import { mapCaret } from "../../client/components/shared-input.ts";

describe("a caret mapped through someone else's edit", () => {
  it("stays put when the change is after it", () => {
    // Bob typed "Dr " at the start of Author; Alice appends "Q".
    expect(mapCaret("Dr Smith", "Dr SmithQ", 3)).toBe(3);
    expect(mapCaret("Base", "Basexyz", 4)).toBe(4);
  });

  it("shifts by the length difference when the change is before it", () => {
    expect(mapCaret("Smith", "Dr Smith", 2)).toBe(5);
    expect(mapCaret("Dr Smith", "Smith", 5)).toBe(2);
    expect(mapCaret("Old title", "New title", 9)).toBe(9);
  });

  it("goes to the end of the inserted text when the change covers it", () => {
    expect(mapCaret("Hello world", "Hello there", 8)).toBe(11);
    expect(mapCaret("Quarterly report", "Q3 report", 4)).toBe(2);
  });

  it("goes to where a deletion happened when the deletion covers it", () => {
    expect(mapCaret("Hello cruel world", "Hello world", 9)).toBe(6);
    expect(mapCaret("abc", "", 2)).toBe(0);
  });

  it("is unchanged when the text is", () => {
    for (const pos of [0, 3, 5]) expect(mapCaret("Brief", "Brief", pos)).toBe(pos);
    expect(mapCaret("", "", 0)).toBe(0);
  });

  it("never lands inside a surrogate pair", () => {
    // 😀 and 😃 share their first UTF-16 unit; the change is the whole emoji, not half of it.
    expect(mapCaret("a😀b", "a😃b", 3)).toBe(3);
    expect(mapCaret("a😀b", "a😃b", 1)).toBe(1);
    expect(mapCaret("😀 x", "😀😀 x", 3)).toBe(5);
    expect(mapCaret("é😀", "é😃", 1)).toBe(1);
  });
});
