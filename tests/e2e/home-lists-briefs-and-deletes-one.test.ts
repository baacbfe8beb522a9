import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  asMember,
  hasChromium,
  NO_CHROMIUM_REASON,
  newMember,
  share,
  startServerAndBrowser,
  unexpectedErrors,
} from "../utils/browser.ts";
import type { TestServer } from "../utils/server.ts";

describe.skipIf(!hasChromium)(
  `briefs home${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    it("tells a new team what to do, lists briefs with who is in them, and deletes one after asking", async () => {
      const ada = await newMember(browser, server, "Ada Byron");
      const { page } = ada;
      await page.getByRole("heading", { name: "No briefs yet" }).waitFor();

      const keep = await asMember(ada, server, "POST", "/api/briefs", { title: "Keep me" });
      const drop = await asMember(ada, server, "POST", "/api/briefs", { title: "Drop me" });
      const ben = await newMember(browser, server, "Ben Okri");
      await share(ada, server, keep.id, ben, "editor");
      await ben.page.goto(`${server.url}/briefs/${keep.id}`);
      await ben.page.locator('.connection[data-state="connected"]').waitFor();

      await page.reload();
      const keepRow = page.locator(`tr[data-brief-id="${keep.id}"]`);
      await expect.poll(() => keepRow.locator(".live-count").textContent()).toBe("1 person");

      const dropRow = page.locator(`tr[data-brief-id="${drop.id}"]`);
      await dropRow.getByRole("button", { name: "Delete Drop me" }).click();
      await dropRow.getByRole("button", { name: "Delete for everyone" }).click();
      await dropRow.waitFor({ state: "detached" });
      expect((await server.api("GET", `/api/briefs/${drop.id}`)).status).toBe(404);

      // Ben, an editor of it, sees the brief listed but is not offered its deletion.
      await ben.page.goto(server.url);
      const bensRow = ben.page.locator(`tr[data-brief-id="${keep.id}"]`);
      await bensRow.getByRole("link", { name: "Open Keep me" }).waitFor();
      expect(await bensRow.getByRole("button", { name: /^Delete/ }).count()).toBe(0);
      await ben.page.goto(`${server.url}/briefs/${keep.id}`);

      // On a phone the list fits the screen, its actions in reach.
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
      for (const action of [
        keepRow.getByRole("link", { name: "Open Keep me" }),
        keepRow.getByRole("button", { name: "Delete Keep me" }),
      ]) {
        const box = await action.boundingBox();
        expect(box && box.x + box.width).toBeLessThanOrEqual(390);
      }
      await page.setViewportSize({ width: 1440, height: 900 });

      await keepRow.getByRole("link", { name: "Keep me", exact: true }).click();
      await page.waitForURL(`**/briefs/${keep.id}`);
      await page.locator('.presence [data-peer="Ben Okri"]').waitFor();

      expect(unexpectedErrors(ada.errors)).toEqual([]);
      await ada.context.close();
      await ben.context.close();
    });
  },
);
