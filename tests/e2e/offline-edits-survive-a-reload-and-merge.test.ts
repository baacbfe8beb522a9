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
  `working offline${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    it("keeps edits made offline through a reload and merges them when back online", async () => {
      const ada = await newMember(browser, server, "Ada Byron");
      const ben = await newMember(browser, server, "Ben Okri");
      const brief = await asMember(ada, server, "POST", "/api/briefs", { title: "Field notes" });
      await share(ada, server, brief.id, ben, "editor");
      await openBrief(ada.page, server.url, brief.id);
      await openBrief(ben.page, server.url, brief.id);
      // The app shell must be kept before the network goes, or the reload has nothing to load.
      await ada.page.locator("html[data-offline-ready]").waitFor({ state: "attached" });

      await ada.page.locator(".ProseMirror").click();
      await ada.page.keyboard.type("Shared start.");
      await expect.poll(() => editorText(ben.page)).toBe("Shared start.");

      await ada.context.setOffline(true);
      await ada.page.locator('.connection[data-state="offline"]').waitFor();
      await ada.page.keyboard.press("End");
      await ada.page.keyboard.type(" Written offline.");
      await ben.page.locator(".ProseMirror").click();
      await ben.page.keyboard.press("Control+Home");
      await ben.page.keyboard.type("Ben online. ");
      await expect.poll(() => editorText(ben.page)).toBe("Ben online. Shared start.");
      expect(await editorText(ben.page)).not.toContain("Written offline.");

      // Give IndexedDB a moment to commit, then reload while still offline.
      await ada.page.waitForTimeout(500);
      await ada.page.reload();
      await ada.page.locator(".ProseMirror").waitFor();
      await ada.page.locator('.connection[data-state="offline"]').waitFor();
      await expect.poll(() => editorText(ada.page)).toBe("Shared start. Written offline.");

      await ada.context.setOffline(false);
      await ada.page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
      const merged = "Ben online. Shared start. Written offline.";
      await expect.poll(() => editorText(ada.page)).toBe(merged);
      await expect.poll(() => editorText(ben.page)).toBe(merged);

      expect(unexpectedErrors(ada.errors)).toEqual([]);
      expect(unexpectedErrors(ben.errors)).toEqual([]);
      await ada.context.close();
      await ben.context.close();
    });
  },
);
