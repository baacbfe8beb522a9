/**
 * Renders docs/source-check.png, a brief with a flagged quotation and its source coverage:
 * `npx tsx tests/e2e/source-check.script.ts`. Not a test (no `.test.ts`): it only draws.
 */
import { readFileSync } from "node:fs";
import {
  asMember,
  ensureClientBuilt,
  launchBrowser,
  newMember,
  openBrief,
  selectText,
} from "../utils/browser.ts";
import { removeDataDir, startTestServer } from "../utils/server.ts";

const SAMPLE = readFileSync("seeds/north-korea-troops-russia.txt", "utf8");

await ensureClientBuilt();
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const maya = await newMember(browser, server, "Maya Okafor", "maya.okafor@example.org");
  const as = (p: string, body: unknown) => asMember(maya, server, "POST", p, body);
  const article = await as("/api/articles", {
    text: SAMPLE,
    title: "North Korean troops head for Russia's front lines",
    source: { publisher: "The Moscow Times", author: "AFP", publishedAt: "2024-10-18" },
  });
  const brief = await as("/api/briefs", {
    title: "North Korean troops in Russia: what it means for the peninsula",
    templateId: "policy-brief",
    fields: { author: "Maya Okafor, Asia Desk" },
    articleIds: [article.id],
    draft: true,
  });
  await openBrief(maya.page, server.url, brief.id);
  const page = maya.page;
  // An uncited factual sentence, so coverage has something to say.
  const options = page.locator(".ProseMirror h1, .ProseMirror h2", { hasText: "Policy options" });
  await selectText(options.locator("xpath=following-sibling::p[1]"), "to act.");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(
    "Seoul could add 40 North Korean entities to its sanctions list by December.",
  );
  const quote = page.locator(".ProseMirror blockquote p").first();
  await quote.scrollIntoViewIfNeeded();
  const words = (await quote.textContent())?.split(" ") ?? [];
  await selectText(quote, words.slice(2, 4).join(" "));
  await page.keyboard.type("plainly proves");
  const flag = page.locator(".ProseMirror .source-flag").first();
  await flag.waitFor({ timeout: 15_000 });
  await flag.locator(".source-flag-marker").click();
  await page.evaluate(() =>
    document.querySelector(".source-flag.is-open")?.scrollIntoView({ block: "start" }),
  );
  await page.locator(".editor-scroll").evaluate((el) => el.scrollBy(0, -140));
  await page.waitForTimeout(500);
  await page.screenshot({ path: "docs/source-check.png" });
} finally {
  await browser.close();
  await server.close();
  removeDataDir(server.dataDir);
}
