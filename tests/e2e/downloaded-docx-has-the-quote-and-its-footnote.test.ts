import { readFileSync } from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
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

const SAMPLE = readFileSync("seeds/north-korea-troops-russia.txt", "utf8");

interface ImportedArticle {
  id: string;
  snippets: { id: string; kind: string; text: string; speaker?: string }[];
}

describe.skipIf(!hasChromium)(
  `Download .docx${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    it("gives a Word file holding the inserted quote and a footnote for it", async () => {
      const ada = await newMember(browser, server, "Ada Byron");
      const article = await asMember<ImportedArticle>(ada, server, "POST", "/api/articles", {
        text: SAMPLE,
        title: "North Korean troops head for Ukraine",
      });
      const snippet = article.snippets.find((s) => s.kind === "quote" && s.speaker === "Hong Min");
      expect(snippet, "the sample article yields a quote by Hong Min").toBeTruthy();
      const brief = await asMember(ada, server, "POST", "/api/briefs", {
        title: "Korea and Russia",
        templateId: "policy-brief",
      });
      await openBrief(ada.page, server.url, brief.id);

      const card = ada.page.locator(`.snippet[data-snippet-id="${snippet?.id}"]`);
      await card.waitFor();
      await ada.page.locator(".ProseMirror").click();
      await ada.page.keyboard.press("Control+End");
      await card.getByRole("button", { name: /^Insert quote/ }).click();
      await ada.page.locator('.ProseMirror blockquote[data-speaker="Hong Min"]').waitFor();

      const [download] = await Promise.all([
        ada.page.waitForEvent("download"),
        ada.page.getByRole("button", { name: "Download .docx" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("Korea and Russia.docx");
      const file = path.join(server.dataDir, "download.docx");
      await download.saveAs(file);

      const { value: html } = await mammoth.convertToHtml({ path: file });
      expect(html).toContain(snippet?.text);
      const footnotes = [...html.matchAll(/<li id="footnote-\d+">(.*?)<\/li>/g)].map((m) => m[1]);
      expect(footnotes.length).toBeGreaterThan(0);
      expect(footnotes.join(" ")).toMatch(/North Korean troops head for Ukraine|Hong Min/);

      expect(unexpectedErrors(ada.errors)).toEqual([]);
      await ada.context.close();
    });
  },
);
