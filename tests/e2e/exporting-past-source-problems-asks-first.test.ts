import { readFileSync } from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Article } from "../../server/schema/article.ts";
import {
  asMember,
  hasChromium,
  insertSnippetAtEnd,
  NO_CHROMIUM_REASON,
  newMember,
  openBrief,
  startServerAndBrowser,
  unexpectedErrors,
} from "../utils/browser.ts";
import type { TestServer } from "../utils/server.ts";

const SAMPLE = readFileSync("seeds/north-korea-troops-russia.txt", "utf8");

describe.skipIf(!hasChromium)(
  `exporting a brief with source problems${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    it("says what is wrong, and exports anyway with the evidence annex when asked", async () => {
      const ada = await newMember(browser, server, "Ada Byron");
      const article = await asMember<Article>(ada, server, "POST", "/api/articles", {
        text: SAMPLE,
        title: "North Korean troops head for Ukraine",
      });
      const quote = article.snippets.find((s) => s.kind === "quote" && s.speaker === "Hong Min");
      expect(quote, "the sample article yields a quote by Hong Min").toBeTruthy();
      const brief = await asMember(ada, server, "POST", "/api/briefs", { title: "Korea" });
      await openBrief(ada.page, server.url, brief.id);
      const page = ada.page;

      await insertSnippetAtEnd(page, quote!.id);
      await page.locator(".ProseMirror blockquote").waitFor();
      await page.keyboard.press("Control+End");
      await page.keyboard.type('Officials called it "a done deal" on Friday.');

      await page.getByRole("button", { name: "Download options" }).click();
      await page.getByLabel("Include evidence annex").check();
      await page.getByRole("button", { name: "Download .docx" }).click();
      const refusal = page.getByRole("alertdialog", { name: "Source problems" });
      await refusal.waitFor({ timeout: 10_000 });
      expect(await refusal.textContent()).toContain("1 unsourced quotation(s)");
      expect(await refusal.textContent()).not.toContain("proceed=true");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        refusal.getByRole("button", { name: "Export anyway" }).click(),
      ]);
      const file = path.join(server.dataDir, "anyway.docx");
      await download.saveAs(file);
      const { value: text } = await mammoth.extractRawText({ path: file });
      expect(text).toContain("a done deal");
      expect(text).toContain("Evidence annex");
      expect(text).toContain(quote!.text);
      expect(await refusal.count()).toBe(0);

      // Chromium logs the refused first request (409) as a console error; that one is meant.
      const refused = /status of 409/;
      expect(unexpectedErrors(ada.errors).filter((e) => !refused.test(e))).toEqual([]);
      await ada.context.close();
    });
  },
);
