import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  asMember,
  editorText,
  hasChromium,
  NO_CHROMIUM_REASON,
  newMember,
  openBrief,
  share,
  startServerAndBrowser,
  unexpectedErrors,
} from "../utils/browser.ts";
import type { TestServer } from "../utils/server.ts";

const SAMPLE = readFileSync("seeds/north-korea-troops-russia.txt", "utf8");

describe.skipIf(!hasChromium)(
  `sources panel${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    it("imports the sample article and inserts a quote the other person sees with its speaker", async () => {
      const ada = await newMember(browser, server, "Ada Byron");
      const ben = await newMember(browser, server, "Ben Okri");
      const brief = await asMember(ada, server, "POST", "/api/briefs", {
        title: "Korea and Russia",
      });
      await share(ada, server, brief.id, ben, "editor");
      await openBrief(ada.page, server.url, brief.id);
      await openBrief(ben.page, server.url, brief.id);

      const sources = ada.page.getByRole("complementary", { name: "Sources" });
      await sources.getByRole("button", { name: "Import article" }).first().click();
      await sources.getByLabel("Article text or HTML").fill(SAMPLE);
      await sources.getByLabel("Title (optional)").fill("North Korean troops head for Ukraine");
      await sources.locator("form").getByRole("button", { name: "Import article" }).click();
      // The form closes once the article is in (the sample is also seeded: wait for this one).
      await sources.locator("form").waitFor({ state: "detached" });

      // Snippets appear grouped by kind, speakers shown; narrow to one speaker's quotes.
      const quotes = sources.locator(".snippet-quote");
      await quotes.first().waitFor();
      await sources.getByRole("button", { name: /^Quotes/ }).click();
      await sources.getByLabel("Speaker").selectOption({ label: "Hong Min" });
      const quote = quotes.filter({ hasText: "This establishes a framework" });
      await expect.poll(() => quote.count()).toBe(1);
      await expect
        .poll(() => quote.locator(".snippet-speaker").textContent())
        .toContain("Hong Min");

      // The reader shows where it came from.
      await quote.getByRole("button", { name: "Show in article" }).click();
      await expect
        .poll(() => sources.locator(".reader .hl-focus").textContent())
        .toContain("This establishes a framework");
      // The reader takes the keyboard focus; Escape goes back to the button that opened it.
      await expect
        .poll(() => ada.page.evaluate(() => document.activeElement?.textContent?.trim()))
        .toBe("Back to snippets");
      await ada.page.keyboard.press("Escape");
      await expect
        .poll(() => ada.page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
        .toMatch(/^Show in article: This establishes a framework/);

      await ada.page.locator(".ProseMirror").click();
      await quote.getByRole("button", { name: /^Insert quote/ }).click();

      const theirs = ben.page.locator('.ProseMirror blockquote[data-speaker="Hong Min"]');
      await theirs.waitFor();
      expect(await theirs.textContent()).toContain("This establishes a framework");
      expect(await theirs.getAttribute("data-article-id")).toBeTruthy();
      expect(await theirs.getAttribute("data-snippet-id")).toBeTruthy();

      // Typing on carries on below the quote, never in its words.
      const quoted = await theirs.evaluate((el) => el.querySelector("p")?.firstChild?.textContent);
      expect(quoted).toContain("This establishes a framework");
      await ada.page.keyboard.type("Our reading of it.");
      const lines = async () => (await editorText(ben.page)).split("\n");
      await expect.poll(lines).toEqual([quoted, "Our reading of it."]);
      // A snippet inserted with the cursor inside a quote goes after it, not into it.
      await ada.page.locator(".ProseMirror blockquote p").first().click();
      await quote.getByRole("button", { name: /^Insert quote/ }).click();
      await expect.poll(lines).toEqual([quoted, quoted, "Our reading of it."]);
      expect(await ben.page.locator(".ProseMirror blockquote blockquote").count()).toBe(0);

      // On a phone the top bar wraps instead of pushing its buttons off the screen.
      await ada.page.setViewportSize({ width: 390, height: 844 });
      const shareButton = ada.page.getByRole("button", { name: "Share" });
      await expect
        .poll(() => ada.page.evaluate(() => document.documentElement.scrollWidth))
        .toBe(390);
      const box = await shareButton.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(390);
      await ada.page.getByRole("button", { name: "Download .docx" }).waitFor();

      expect(unexpectedErrors(ada.errors)).toEqual([]);
      expect(unexpectedErrors(ben.errors)).toEqual([]);
      await ada.context.close();
      await ben.context.close();
    });
  },
);
