import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { TemplateInfo } from "../../server/schema/template.ts";
import {
  hasChromium,
  NO_CHROMIUM_REASON,
  newMember,
  startServerAndBrowser,
  unexpectedErrors,
} from "../utils/browser.ts";
import type { TestServer } from "../utils/server.ts";

const BUILT_IN = ["policy-brief", "decision-memo", "situation-report", "intelligence-assessment"];

describe.skipIf(!hasChromium)(
  `New brief${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    it.each(BUILT_IN)(
      "makes a brief from the %s template through the dialog",
      async (templateId) => {
        const { body } = await server.api<TemplateInfo[] | { templates: TemplateInfo[] }>(
          "GET",
          "/api/templates",
        );
        const template = (Array.isArray(body) ? body : body.templates).find(
          (t) => t.id === templateId,
        );
        expect(template, `built-in template ${templateId} is listed`).toBeTruthy();
        if (!template) return;

        const ada = await newMember(browser, server, "Ada Byron");
        const { page } = ada;
        await page.getByRole("heading", { name: "Briefs", exact: true }).waitFor();
        await page
          .getByRole("button", { name: /New brief|Create your first brief/ })
          .first()
          .click();
        const dialog = page.getByRole("dialog", { name: "New brief" });
        await dialog.locator(`.template-card[data-template-id="${templateId}"]`).click();
        await dialog.getByLabel("Title").fill(`${template.name} for the e2e test`);
        for (const field of template.fields) {
          if (field.type === "text" && field.required && !field.default) {
            await dialog
              .getByRole("textbox", { name: field.label, exact: true })
              .fill("Policy Unit");
          }
        }
        await dialog.getByRole("button", { name: "Create brief" }).click();

        await page.waitForURL(/\/briefs\/[A-Za-z0-9_-]+$/);
        await page.locator(".ProseMirror").waitFor();
        const id = new URL(page.url()).pathname.split("/").pop() ?? "";
        const { body: brief } = await server.api<{ templateId: string; title: string }>(
          "GET",
          `/api/briefs/${id}`,
        );
        expect(brief).toMatchObject({ templateId, title: `${template.name} for the e2e test` });
        // The details panel shows the template's fields, editable.
        const details = page.getByRole("complementary", { name: "Brief details" });
        await expect.poll(() => details.locator(".panel-sub").textContent()).toBe(template.name);
        expect(await details.locator(".form-field").count()).toBe(template.fields.length);

        expect(unexpectedErrors(ada.errors)).toEqual([]);
        await ada.context.close();
      },
    );

    it("saves a brief as a template the next brief can start from, and deletes it", async () => {
      const ada = await newMember(browser, server, "Ada Byron");
      const { page } = ada;
      await page
        .getByRole("button", { name: /New brief|Create your first brief/ })
        .first()
        .click();
      const dialog = page.getByRole("dialog", { name: "New brief" });
      await dialog.locator('.template-card[data-template-id="situation-report"]').click();
      await dialog.getByLabel("Title").fill("Flooding, day two");
      await dialog.getByRole("button", { name: "Create brief" }).click();
      await page.locator(".ProseMirror").waitFor();

      const details = page.getByRole("complementary", { name: "Brief details" });
      await details.getByRole("button", { name: "Save as template…" }).click();
      const form = details.getByRole("form", { name: "Save as template" });
      expect(await form.getByLabel("Template name").inputValue()).toBe("Flooding, day two");
      await form.getByLabel("Template name").fill("Sitrep, our way");
      await form.getByRole("button", { name: "Save template" }).click();
      await page.getByText("Saved as the template “Sitrep, our way”").waitFor();
      expect(await form.count()).toBe(0);

      // React renders an update made after an `await` in a task of its own, which a frame can
      // come before: run frames first every time, so the focus cannot depend on which wins.
      await page.addInitScript(() => {
        window.requestAnimationFrame = (callback) => {
          queueMicrotask(() => callback(performance.now()));
          return 0;
        };
      });
      await page.goto(server.url);
      await page.getByRole("button", { name: "New brief" }).first().click();
      const card = page
        .getByRole("dialog", { name: "New brief" })
        .locator('.template-card[data-template-id="sitrep-our-way"]');
      await expect.poll(() => card.textContent()).toContain("Sitrep, our way");

      // Only a saved template offers to be deleted, and asks once more before it goes.
      const again = page.getByRole("dialog", { name: "New brief" });
      const deleteButton = again.getByRole("button", { name: "Delete template Sitrep, our way" });
      expect(await deleteButton.count()).toBe(0);
      await card.click();
      await deleteButton.click();
      await again.getByRole("button", { name: "Delete for everyone" }).click();
      await page.getByText("Deleted the template “Sitrep, our way”.").waitFor();
      expect(await card.count()).toBe(0);
      const policy = again.locator('.template-card[data-template-id="policy-brief"] input');
      expect(await policy.isChecked()).toBe(true);
      await expect.poll(() => policy.evaluate((el) => el === document.activeElement)).toBe(true);
      const { body: left } = await server.api<{ id: string }[]>("GET", "/api/templates");
      expect(left.map((t) => t.id)).not.toContain("sitrep-our-way");

      expect(unexpectedErrors(ada.errors)).toEqual([]);
      await ada.context.close();
    });
  },
);
