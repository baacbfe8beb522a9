import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Article } from "../../server/schema/article.ts";
import {
  asMember,
  editorText,
  hasChromium,
  insertSnippetAtEnd,
  NO_CHROMIUM_REASON,
  newMember,
  openBrief,
  selectText,
  share,
  startServerAndBrowser,
  unexpectedErrors,
} from "../utils/browser.ts";
import type { TestServer } from "../utils/server.ts";

const SAMPLE = readFileSync("seeds/north-korea-troops-russia.txt", "utf8");
/** Long enough for a check after the edit pauses, on a slow machine. */
const FLAG_WAIT = { timeout: 15_000 };

const flags = (page: Page) => page.locator(".ProseMirror .source-flag");

describe.skipIf(!hasChromium)(
  `source check flags${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    it("flags an altered quote in both people's margins, and restoring the wording clears it", async () => {
      const ada = await newMember(browser, server, "Ada Byron");
      const ben = await newMember(browser, server, "Ben Okri");
      const article = await asMember<Article>(ada, server, "POST", "/api/articles", {
        text: SAMPLE,
        title: "North Korean troops head for Ukraine",
      });
      const quote = article.snippets.find((s) => s.text.startsWith("This establishes a framework"));
      expect(quote, "the sample article yields Hong Min's framework quote").toBeTruthy();
      const brief = await asMember(ada, server, "POST", "/api/briefs", { title: "Korea" });
      await share(ada, server, brief.id, ben, "editor");
      await openBrief(ada.page, server.url, brief.id);
      await openBrief(ben.page, server.url, brief.id);

      await insertSnippetAtEnd(ada.page, quote!.id);
      await ben.page.locator('.ProseMirror blockquote[data-speaker="Hong Min"]').waitFor();
      for (const page of [ada.page, ben.page]) {
        await page.getByText("No source problems found.").waitFor(FLAG_WAIT);
        expect(await flags(page).count()).toBe(0);
      }

      // Ada rewords the quotation.
      await selectText(ada.page.locator(".ProseMirror blockquote p"), "framework");
      await ada.page.keyboard.type("structure");

      for (const page of [ada.page, ben.page]) {
        const flag = flags(page);
        await flag.waitFor(FLAG_WAIT);
        expect(await flag.getAttribute("data-kinds")).toBe("altered");
        const coverage = page.getByRole("region", { name: "Source coverage" });
        await coverage.getByText("1 source problem, flagged in the margin").waitFor(FLAG_WAIT);
      }

      // Opening the brief again shows the flag; the check asked for at open is not thrown
      // away half-done when the first sync arrives (the server checked its own copy).
      const failed: string[] = [];
      ben.page.on("requestfailed", (r) => {
        if (r.url().endsWith("/check")) failed.push(r.failure()?.errorText ?? "");
      });
      await ben.page.reload();
      await flags(ben.page).waitFor(FLAG_WAIT);
      await ben.page.waitForTimeout(1000);
      expect(failed).toEqual([]);

      // Ben opens the flag: it says what changed, and restores the source's words.
      const flag = flags(ben.page);
      await flag.getByRole("button", { name: /^Source check: wording differs/ }).click();
      const card = flag.getByRole("dialog", { name: "Source check" });
      await card.waitFor();
      const details = await card.textContent();
      expect(details).toContain("Removed: framework");
      expect(details).toContain("Added: structure");
      await card.getByRole("button", { name: "Restore source wording" }).click();

      for (const page of [ada.page, ben.page]) {
        await expect.poll(() => flags(page).count(), FLAG_WAIT).toBe(0);
        await page.getByText("No source problems found.").waitFor(FLAG_WAIT);
        expect(await editorText(page)).toContain(quote!.text);
      }
      expect(unexpectedErrors(ada.errors)).toEqual([]);
      expect(unexpectedErrors(ben.errors)).toEqual([]);
      await ada.context.close();
      await ben.context.close();
    });
  },
);
