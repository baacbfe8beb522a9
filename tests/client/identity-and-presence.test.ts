import { describe, expect, it } from "vitest";
import { initials, PALETTE, parseIdentity, randomIdentity } from "../../client/collab/identity.ts";
import { peersFrom } from "../../client/collab/presence.ts";

describe("who is in a brief", () => {
  it("lists people from awareness states, you first, then by name, skipping clients without a user", () => {
    const states = new Map<number, Record<string, unknown>>([
      [3, { user: { name: "Zoe", color: "#2563eb" } }],
      [1, { user: { name: "Ada", color: "#c2410c" } }],
      [7, { user: { name: "Me", color: "#0f766e" } }],
      [9, {}],
    ]);
    expect(peersFrom(states, 7).map((p) => [p.name, p.self])).toEqual([
      ["Me", true],
      ["Ada", false],
      ["Zoe", false],
    ]);
  });

  it("reads a stored identity only when it is well formed", () => {
    expect(parseIdentity(JSON.stringify({ name: " Ada ", color: "#2563eb" }))).toEqual({
      name: "Ada",
      color: "#2563eb",
    });
    expect(
      parseIdentity(JSON.stringify({ name: "Ada", color: "red;background:url(x)" })),
    ).toBeNull();
    expect(parseIdentity("{")).toBeNull();
    expect(parseIdentity(null)).toBeNull();
  });

  it("makes up a readable name and a palette colour, and initials for avatars", () => {
    const id = randomIdentity(() => 0);
    expect(id.name).toMatch(/^\w+ \w+$/);
    expect(PALETTE).toContain(id.color);
    expect(initials("Ada King Lovelace")).toBe("AL");
    expect(initials("Ada")).toBe("AD");
  });
});
