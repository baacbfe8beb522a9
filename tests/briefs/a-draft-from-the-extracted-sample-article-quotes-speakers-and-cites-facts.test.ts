import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { docToJSON } from "../../server/briefs/doc-json.ts";
import { buildInitialDoc } from "../../server/briefs/initial-doc.ts";
import type { Article } from "../../server/schema/article.ts";
import { loadBuiltInTemplates } from "../../server/templates/builtins.ts";
import { citedSnippetIds, sectionBlocks } from "./fixtures/doc-helpers.ts";

const EXTRACTOR = "server/ingest/extract.ts";
/** Imported by a computed path so this file compiles before the extractor exists. */
const EXTRACTOR_MODULE = `../../${EXTRACTOR}`;
type Extract = (
  input: { text: string; title?: string },
  opts?: { id?: string },
) => Article | Promise<Article>;

describe("a policy brief drafted from the extracted sample article", () => {
  it.skipIf(!existsSync(EXTRACTOR))(
    "quotes named speakers under Analysis and cites facts under Key points",
    async () => {
      const { extractArticle } = (await import(/* @vite-ignore */ EXTRACTOR_MODULE)) as {
        extractArticle: Extract;
      };
      const text = readFileSync(
        new URL("../../seeds/north-korea-troops-russia.txt", import.meta.url),
        "utf8",
      );
      const article = await extractArticle({ text }, { id: "nk" });
      const { templates } = await loadBuiltInTemplates("templates");
      const template = templates.find((b) => b.template.id === "policy-brief")?.template;
      const doc = docToJSON(
        buildInitialDoc({ title: "NK", template, articles: [article], draft: true }),
      );

      const byId = new Map(article.snippets.map((s) => [s.id, s]));
      const [, ...quotes] = sectionBlocks(doc, "Analysis");
      expect(quotes.length).toBeGreaterThan(0);
      for (const q of quotes) {
        const snippet = byId.get(String(q.attrs?.snippetId));
        expect(q.type).toBe("blockquote");
        expect(snippet?.kind).toBe("quote");
        expect(q.attrs?.speaker ?? null).toBe(snippet?.speaker ?? null);
        expect(q.attrs?.articleId).toBe("nk");
      }
      expect(quotes.some((q) => typeof q.attrs?.speaker === "string")).toBe(true);

      const cited = citedSnippetIds(sectionBlocks(doc, "Key points"));
      expect(cited.length).toBeGreaterThan(0);
      for (const id of cited) expect(byId.get(id)?.kind).toBe("fact");
    },
  );
});
