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

describe.skipIf(!hasChromium)(
  `two people in one brief${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    it("see each other's typing, carets and presence", async () => {
      // Ada owns the brief and shares it with Ben as an editor; each has an account.
      const ada = await newMember(browser, server, "Ada Byron");
      const ben = await newMember(browser, server, "Ben Okri");
      const brief = await asMember(ada, server, "POST", "/api/briefs", { title: "Storm response" });
      await share(ada, server, brief.id, ben, "editor");
      await openBrief(ada.page, server.url, brief.id);
      await openBrief(ben.page, server.url, brief.id);

      await ada.page.locator(".ProseMirror").click();
      await ada.page.keyboard.type("Ada writes the opening line.");
      await expect.poll(() => editorText(ben.page)).toContain("Ada writes the opening line.");

      await ben.page.locator(".ProseMirror").click();
      await ben.page.keyboard.press("End");
      await ben.page.keyboard.type(" Ben adds to it.");
      await expect
        .poll(() => editorText(ada.page))
        .toContain("Ada writes the opening line. Ben adds to it.");

      // Each sees the other's caret labelled with their name, and the other among those present.
      await expect
        .poll(() => ada.page.locator(".collaboration-carets__label").allInnerTexts())
        .toContain("Ben Okri");
      await expect
        .poll(() => ben.page.locator(".collaboration-carets__label").allInnerTexts())
        .toContain("Ada Byron");
      await expect.poll(() => ada.page.locator('.presence [data-peer="Ben Okri"]').count()).toBe(1);

      // Undo takes back only one's own edit.
      await ben.page.keyboard.press("Control+z");
      await expect.poll(() => editorText(ada.page)).toBe("Ada writes the opening line.");

      expect(unexpectedErrors(ada.errors)).toEqual([]);
      expect(unexpectedErrors(ben.errors)).toEqual([]);
      await ada.context.close();
      await ben.context.close();
    });
  },
);
