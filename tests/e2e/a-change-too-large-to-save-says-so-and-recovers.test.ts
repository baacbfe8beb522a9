import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  asMember,
  editorText,
  hasChromium,
  NO_CHROMIUM_REASON,
  newMember,
  openBrief,
  startServerAndBrowser,
} from "../utils/browser.ts";
import type { TestServer } from "../utils/server.ts";

describe.skipIf(!hasChromium)(
  `a change over the frame limit${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    // A small limit, so that a paste of 100 KB is over it.
    startServerAndBrowser(
      (started) => {
        ({ server, browser } = started);
      },
      { MAX_MESSAGE_BYTES: String(64 * 1024) },
    );

    it("says it was too large, not that the brief is closed, and reloads from what was saved", async () => {
      const ada = await newMember(browser, server, "Ada Byron");
      const brief = await asMember(ada, server, "POST", "/api/briefs", { title: "Big paste" });
      await openBrief(ada.page, server.url, brief.id);
      await ada.page.locator(".ProseMirror").click();
      await ada.page.keyboard.type("Kept before.");
      await expect
        .poll(async () => JSON.stringify((await server.api("GET", `/api/briefs/${brief.id}`)).body))
        .toContain("Kept before.");

      // A paste, as the browser delivers one.
      await ada.page.locator(".ProseMirror").evaluate((editor) => {
        const data = new DataTransfer();
        data.setData("text/plain", "A long paste. ".repeat(8_000));
        editor.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
        );
      });
      await ada.page.getByRole("heading", { name: "A change was too large to save" }).waitFor();
      expect(await ada.page.getByText("This brief is closed to you").count()).toBe(0);

      // Reloading drops this device's copy (which would send the change again) for the
      // server's, and the brief is live again.
      await ada.page.getByRole("button", { name: "Reload the brief" }).click();
      await ada.page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
      expect(await editorText(ada.page)).toBe("Kept before.");
      await ada.context.close();
    });
  },
);
