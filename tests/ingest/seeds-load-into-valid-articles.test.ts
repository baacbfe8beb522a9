import { describe, expect, it } from "vitest";
import { extractArticle } from "../../server/ingest/extract.ts";
import { readSeedArticles } from "../../server/ingest/seeds.ts";

describe("seed articles", () => {
  it("load from seeds/ with their metadata and stable ids", () => {
    const [first, ...rest] = readSeedArticles("seeds").map(({ id, input }) =>
      extractArticle(input, { id }),
    );
    expect(rest).toHaveLength(0);
    expect(first?.id).toBe("seed-north-korea-troops-russia");
    expect(first?.source?.publisher).toBe("The Moscow Times");
    expect(first?.snippets.filter((s) => s.kind === "quote")).toHaveLength(11);
    expect(first?.snippets[0]?.id).toBe("seed-north-korea-troops-russia:0");
  });
});
