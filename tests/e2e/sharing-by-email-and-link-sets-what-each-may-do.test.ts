import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  asMember,
  editorText,
  hasChromium,
  NO_CHROMIUM_REASON,
  newMember,
  newPerson,
  openBrief,
  startServerAndBrowser,
  unexpectedErrors,
} from "../utils/browser.ts";
import type { TestServer } from "../utils/server.ts";

/** Working out a read-only role costs one refused (403) request; the browser logs it. */
const READ_ONLY_PROBE = /status of 403/;

describe.skipIf(!hasChromium)(
  `sharing${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    it("invites a viewer, makes a link a guest opens, and revokes it", async () => {
      const ada = await newMember(browser, server, "Ada Byron");
      const ben = await newMember(browser, server, "Ben Okri");
      const brief = await asMember(ada, server, "POST", "/api/briefs", { title: "Port strike" });
      await openBrief(ada.page, server.url, brief.id);
      await ada.page.locator(".ProseMirror").click();
      await ada.page.keyboard.type("Only Ada writes here.");

      await ada.page.getByRole("button", { name: "Share" }).click();
      const dialog = ada.page.getByRole("dialog", { name: "Share “Port strike”" });
      await dialog.getByLabel("Invite by email").fill(ben.account.user.email);
      await dialog.getByLabel("Role for the invitee").selectOption("viewer");
      await dialog.getByRole("button", { name: "Invite" }).click();
      const benRow = dialog.locator("li", { hasText: ben.account.user.email });
      await expect.poll(() => benRow.locator(".share-role").textContent()).toBe("Can view");

      await dialog.getByLabel("Role for link holders").selectOption("viewer");
      await dialog.getByRole("button", { name: "Create link" }).click();
      const address = await dialog.getByLabel("Link address").inputValue();
      expect(address).toMatch(new RegExp(`/briefs/${brief.id}\\?token=[A-Za-z0-9_-]+$`));
      await ada.context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await dialog.getByRole("button", { name: "Copy link" }).click();
      await dialog.getByRole("button", { name: "Copied" }).waitFor();
      expect(await ada.page.evaluate(() => navigator.clipboard.readText())).toBe(address);
      await expect.poll(() => dialog.locator('li[data-kind="link"]').count()).toBe(1);

      // Ben, a viewer, reads but cannot type; so does a guest with the link and no account.
      await openBrief(ben.page, server.url, brief.id);
      await ben.page.getByText("View only").waitFor();
      expect(await ben.page.locator(".ProseMirror").getAttribute("contenteditable")).toBe("false");
      expect(await editorText(ben.page)).toBe("Only Ada writes here.");
      const guest = await newPerson(browser);
      const token = new URL(address).searchParams.get("token") ?? "";
      await openBrief(guest.page, server.url, brief.id, token);
      await guest.page.getByText("View only").waitFor();
      expect(await editorText(guest.page)).toBe("Only Ada writes here.");
      // The guest has no details or sources panels, so the text takes the whole width.
      expect(await guest.page.getByRole("button", { name: "Details" }).count()).toBe(0);
      const column = await guest.page.locator(".editor-column").boundingBox();
      expect(column?.width).toBeGreaterThan(0.95 * (guest.page.viewportSize()?.width ?? 0));

      for (const p of [ben, guest]) {
        expect(unexpectedErrors(p.errors).filter((e) => !READ_ONLY_PROBE.test(e))).toEqual([]);
      }
      const guestErrorsBefore = guest.errors.length;

      // Revoking the link shuts the guest out at once.
      await dialog
        .locator('li[data-kind="link"]')
        .getByRole("button", { name: /^Revoke/ })
        .click();
      await dialog.getByRole("button", { name: "Revoke access" }).click();
      await expect.poll(() => dialog.locator('li[data-kind="link"]').count()).toBe(0);
      await guest.page.getByRole("heading", { name: "This brief is closed to you" }).waitFor();

      expect(unexpectedErrors(ada.errors)).toEqual([]);
      // Shut out, the guest's page may still have a request refused (401) before it shows so.
      const refused = /status of 401/;
      expect(
        unexpectedErrors(guest.errors.slice(guestErrorsBefore)).filter((e) => !refused.test(e)),
      ).toEqual([]);
      await Promise.all([ada, ben, guest].map((p) => p.context.close()));
    });
  },
);
