import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import type { Browser } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import {
  asMember,
  hasChromium,
  NO_CHROMIUM_REASON,
  newMember,
  openBrief,
  startServerAndBrowser,
  unexpectedErrors,
} from "../utils/browser.ts";
import type { TestServer } from "../utils/server.ts";

describe.skipIf(!hasChromium)(
  `importing an article from a file${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;
    const dir = mkdtempSync(path.join(tmpdir(), "briefroom-upload-"));

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it("offers Word documents, reads one, clears a tab's error on leaving it, and keeps the focus", async () => {
      const file = path.join(dir, "bridge.docx");
      const doc = new Document({
        sections: [
          {
            children: [
              new Paragraph("Harbour bridge to close for repairs"),
              new Paragraph(
                '"We know this is disruptive," said Amal Haddad, the department\'s director of roads.',
              ),
            ],
          },
        ],
      });
      writeFileSync(file, await Packer.toBuffer(doc));

      const ada = await newMember(browser, server, "Ada Byron");
      const brief = await asMember(ada, server, "POST", "/api/briefs", { title: "Bridge" });
      await openBrief(ada.page, server.url, brief.id);
      const sources = ada.page.getByRole("complementary", { name: "Sources" });
      await sources.getByRole("button", { name: "Import article" }).first().click();
      const form = sources.locator("form");

      // Submitting without a file says what to choose; the message goes with its tab.
      await form.getByRole("tab", { name: "Upload" }).click();
      await form.getByRole("button", { name: "Import article" }).click();
      const error = form.getByText("Choose a .txt, .html or .docx file.");
      await error.waitFor();
      await form.getByRole("tab", { name: "Paste" }).click();
      expect(await error.count()).toBe(0);

      // The picker offers what the server reads, Word documents included.
      await form.getByRole("tab", { name: "Upload" }).click();
      const picker = form.locator('input[type="file"]');
      expect((await picker.getAttribute("accept"))?.split(",")).toEqual(
        expect.arrayContaining([".txt", ".html", ".docx"]),
      );
      await picker.setInputFiles(file);
      await form.getByRole("button", { name: "Import article" }).click();
      const quote = sources.locator(".snippet-quote").filter({ hasText: "disruptive" });
      await quote.waitFor();
      expect(await quote.locator(".snippet-speaker").textContent()).toContain("Amal Haddad");
      // The form closes onto the new article, where the next step is, not onto the page.
      const article = sources.getByRole("combobox", { name: "Article" });
      await expect.poll(() => article.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await article.inputValue()).not.toBe("");

      // Cancelling goes back to the button that opened the form.
      await sources.getByRole("button", { name: "Import article" }).click();
      await form.getByRole("button", { name: "Cancel" }).click();
      const opener = sources.getByRole("button", { name: "Import article" });
      await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);

      // Someone who goes back to writing while an import runs keeps the focus when it ends.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await ada.page.route("**/api/articles", async (route) => {
        await held;
        await route.continue();
      });
      await opener.click();
      await form
        .getByLabel("Article text or HTML")
        .fill('"The works start in May," said Amal Haddad, the director of roads.');
      await form.getByRole("button", { name: "Import article" }).click();
      const editor = ada.page.locator(".ProseMirror");
      await editor.click();
      release();
      await form.waitFor({ state: "detached" });
      await ada.page.keyboard.type("Still here.");
      expect(await editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      expect(await editor.textContent()).toContain("Still here.");
      await ada.page.unroute("**/api/articles");

      expect(unexpectedErrors(ada.errors)).toEqual([]);
      await ada.context.close();
    });
  },
);
