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
  `comments in the browser${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    it("a commenter comments on selected words, the owner sees it live and resolves it", async () => {
      const ada = await newMember(browser, server, "Ada Byron");
      const cy = await newMember(browser, server, "Cy Twombly");
      const brief = await asMember(ada, server, "POST", "/api/briefs", { title: "Rainfall" });
      await share(ada, server, brief.id, cy, "commenter");
      await openBrief(ada.page, server.url, brief.id);
      const sentence = "The ministry expects forty percent more rain this winter.";
      await ada.page.locator(".ProseMirror").click();
      await ada.page.keyboard.type(sentence);

      await openBrief(cy.page, server.url, brief.id);
      await cy.page.getByText("Can comment").waitFor();
      await expect.poll(() => editorText(cy.page)).toContain(sentence);
      const cyComments = cy.page.getByRole("region", { name: "Comments" });
      await cyComments.getByText("No comments yet.").waitFor();

      // Selecting words in the brief makes the comment about them.
      await cy.page
        .locator(".ProseMirror p", { hasText: "forty percent" })
        .click({ clickCount: 3 });
      await cyComments.getByText(`On “${sentence}”`).waitFor();
      await cyComments.getByRole("textbox", { name: "Comment" }).fill("Which ministry? Cite it.");
      await cyComments.getByRole("button", { name: "Comment", exact: true }).click();
      await cyComments.locator(".comment-text", { hasText: "Which ministry? Cite it." }).waitFor();
      await expect
        .poll(() => cyComments.getByRole("textbox", { name: "Comment" }).inputValue())
        .toBe("");

      const adaComments = ada.page.getByRole("region", { name: "Comments" });
      const comment = adaComments.locator(".comment", { hasText: "Which ministry? Cite it." });
      await comment.waitFor();
      expect(await comment.locator(".comment-head strong").textContent()).toBe("Cy Twombly");
      expect(await comment.locator(".comment-quote").textContent()).toBe(sentence);
      // The comment is beside the text, never in it.
      expect(await editorText(ada.page)).toBe(sentence);

      await comment.getByRole("button", { name: "Resolve Cy Twombly's comment" }).click();
      await cyComments.getByText("No comments yet.").waitFor();
      expect(await adaComments.locator(".comment").count()).toBe(0);

      expect(unexpectedErrors(ada.errors)).toEqual([]);
      expect(unexpectedErrors(cy.errors)).toEqual([]);
      await ada.context.close();
      await cy.context.close();
    });
  },
);
