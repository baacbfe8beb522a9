import { describe, expect, it } from "vitest";
import { selectSnippets } from "../../server/briefs/autofill.ts";
import { AutoFillSchema } from "../../server/schema/template.ts";
import { buildArticle, buildSnippet } from "../utils/factories.ts";
import { sampleArticle } from "./fixtures/sample-article.ts";

const rule = (r: Record<string, unknown>) => AutoFillSchema.parse(r);
const ids = (r: Record<string, unknown>, articles = [sampleArticle()], used?: Set<string>) =>
  selectSnippets(rule(r), articles, used).map((s) => s.id);

describe("auto-fill selection", () => {
  it("takes snippets of the rule's kind in reading order, up to its limit", () => {
    expect(ids({ kind: "quote", limit: 10, as: "quotes" })).toEqual([
      "q-hong",
      "q-lee",
      "q-tikhonov-manpower",
      "q-tikhonov-japan",
    ]);
    expect(ids({ kind: "fact", limit: 2, as: "bullets" })).toEqual(["f-troops", "f-deal"]);
  });

  it("takes quotes for quotes and quotes and facts otherwise when no kind is given, never headings", () => {
    expect(ids({ limit: 2, as: "quotes" })).toEqual(["q-hong", "q-lee"]);
    expect(ids({ limit: 4, as: "bullets" })).toEqual([
      "f-troops",
      "f-deal",
      "q-hong",
      "f-armistice",
    ]);
    expect(ids({ kind: "heading", limit: 5, as: "bullets" })).toEqual(["h-shift", "h-economy"]);
  });

  it("matches a speaker by part of the name, ignoring case", () => {
    expect(ids({ speaker: "tikhonov", limit: 5, as: "quotes" })).toEqual([
      "q-tikhonov-manpower",
      "q-tikhonov-japan",
    ]);
  });

  it("matches an entity as whole words in the snippet or its speaker", () => {
    expect(ids({ entity: "Japan", limit: 5, as: "bullets" })).toEqual(["q-tikhonov-japan"]);
    expect(ids({ entity: "kim jong un", limit: 5, as: "bullets" })).toEqual(["f-deal"]);
    expect(ids({ entity: "Lee Sang-min", limit: 5, as: "quotes" })).toEqual(["q-lee"]);
    expect(ids({ entity: "Korea Institute", limit: 5, as: "quotes" })).toEqual(["q-hong", "q-lee"]);
    expect(ids({ entity: "Kor", limit: 5, as: "quotes" })).toEqual([]);
  });

  it("keeps to one article when the rule names it, else follows the given article order", () => {
    const other = buildArticle();
    expect(
      ids({ kind: "quote", limit: 5, as: "quotes", articleId: other.id }, [sampleArticle(), other]),
    ).toEqual([other.snippets[1]!.id]);
    expect(ids({ kind: "fact", limit: 2, as: "bullets" }, [other, sampleArticle()])).toEqual([
      other.snippets[0]!.id,
      "f-troops",
    ]);
  });

  it("skips snippets another section already used", () => {
    expect(
      ids({ kind: "quote", limit: 2, as: "quotes" }, [sampleArticle()], new Set(["q-hong"])),
    ).toEqual(["q-lee", "q-tikhonov-manpower"]);
  });

  it("passes over scare quotes and hears each speaker once before anyone twice", () => {
    const article = sampleArticle();
    const hong = { speaker: "Hong Min", speakerRole: "a senior analyst" };
    article.snippets.push(
      buildSnippet(article, {
        id: "q-hong-solid",
        kind: "quote",
        paragraph: 4,
        text: "solid",
        ...hong,
      }),
      buildSnippet(article, {
        id: "q-hong-gains",
        kind: "quote",
        paragraph: 5,
        text: "occupied territories or aid in further territorial gains",
        ...hong,
      }),
    );
    expect(ids({ kind: "quote", limit: 3, as: "quotes" }, [article])).toEqual([
      "q-hong",
      "q-lee",
      "q-tikhonov-manpower",
    ]);
    expect(ids({ kind: "quote", limit: 5, as: "quotes" }, [article])).toEqual([
      "q-hong",
      "q-hong-gains",
      "q-lee",
      "q-tikhonov-manpower",
      "q-tikhonov-japan",
    ]);
    expect(ids({ speaker: "Hong", limit: 5, as: "quotes" }, [article])).toEqual([
      "q-hong",
      "q-hong-gains",
    ]);
  });
});
