import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Article } from "../../server/schema/article.ts";
import type { BriefWithDoc, PMNode } from "../../server/schema/brief.ts";
import {
  asMember,
  hasChromium,
  NO_CHROMIUM_REASON,
  newMember,
  openBrief,
  selectText,
  startServerAndBrowser,
  unexpectedErrors,
} from "../utils/browser.ts";
import type { TestServer } from "../utils/server.ts";

const SAMPLE = readFileSync("seeds/north-korea-troops-russia.txt", "utf8");

interface CitedText {
  text: string;
  snippetId: unknown;
  articleId: unknown;
}

/** Every text node of the body that carries a citation mark, with the mark's attrs. */
function citedTexts(node: PMNode): CitedText[] {
  const mark = node.marks?.find((m) => m.type === "citation");
  const own = mark && node.text ? [{ text: node.text, ...mark.attrs } as CitedText] : [];
  return [...own, ...(node.content ?? []).flatMap(citedTexts)];
}

describe.skipIf(!hasChromium)(
  `copying from the article reader${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    it("pastes reader text cited to its snippet, or to the article when it spans more", async () => {
      const ada = await newMember(browser, server, "Ada Byron");
      const article = await asMember<Article>(ada, server, "POST", "/api/articles", {
        text: SAMPLE,
        title: "North Korean troops head for Ukraine",
      });
      const fact = article.snippets.find((s) => s.kind === "fact" && s.text.split(" ").length > 8);
      expect(fact, "the sample article yields a long fact").toBeTruthy();
      const words = fact!.text.split(" ").slice(0, 6).join(" ");
      const brief = await asMember(ada, server, "POST", "/api/briefs", { title: "Korea" });
      await openBrief(ada.page, server.url, brief.id);
      const page = ada.page;
      const editor = page.locator(".ProseMirror");

      // Part of one snippet: cited to the snippet and its article.
      await page
        .locator(`.snippet[data-snippet-id="${fact!.id}"]`)
        .getByRole("button", { name: "Show in article" })
        .click();
      const reader = page.locator(".reader");
      await selectText(reader.locator(`mark[data-snippet-id="${fact!.id}"]`), words);
      await page.keyboard.press("Control+C");
      await editor.click();
      await page.keyboard.type("Seoul's spy agency: ");
      await page.keyboard.press("Control+V");

      // A whole paragraph, snippets and all: cited to the article only.
      const paragraph = reader.locator(".reader-paragraph", { hasText: "Hong Min, a senior" });
      await paragraph.selectText();
      await page.keyboard.press("Control+C");
      await editor.click();
      await page.keyboard.press("Control+End");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Control+V");

      const cited = async () =>
        citedTexts(
          (await asMember<BriefWithDoc>(ada, server, "GET", `/api/briefs/${brief.id}`)).doc,
        );
      await expect.poll(cited, { timeout: 10_000 }).toEqual([
        { text: words, snippetId: fact!.id, articleId: article.id },
        {
          text: expect.stringContaining("Hong Min, a senior analyst"),
          snippetId: null,
          articleId: article.id,
        },
      ]);
      expect(unexpectedErrors(ada.errors)).toEqual([]);
      await ada.context.close();
    });
  },
);
