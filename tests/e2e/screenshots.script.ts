/**
 * Renders the screenshots in docs/ from a fresh server with the sample article:
 * `npx tsx tests/e2e/screenshots.script.ts`. Not a test (no `.test.ts`): it only draws.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import {
  asMember,
  ensureClientBuilt,
  launchBrowser,
  newMember,
  newPerson,
  openBrief,
  share,
} from "../utils/browser.ts";
import { removeDataDir, startTestServer } from "../utils/server.ts";

const SAMPLE = readFileSync("seeds/north-korea-troops-russia.txt", "utf8");
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/${name}.png` });

await ensureClientBuilt();
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const visitor = await newPerson(browser);
  await visitor.page.goto(`${server.url}/login`);
  await visitor.page.getByRole("form", { name: "Sign in to Briefroom" }).waitFor();
  await visitor.page.waitForTimeout(300);
  await shot(visitor.page, "login");
  await visitor.context.close();

  const maya = await newMember(browser, server, "Maya Okafor", "maya.okafor@example.org");
  const tom = await newMember(browser, server, "Tom Reyes", "tom.reyes@example.org");
  const as = (p: string, body: unknown) => asMember(maya, server, "POST", p, body);
  const article = await as("/api/articles", {
    text: SAMPLE,
    title: "North Korean troops head for Russia's front lines",
    source: { publisher: "The Moscow Times", author: "AFP", publishedAt: "2024-10-18" },
  });
  const brief = await as("/api/briefs", {
    title: "North Korean troops in Russia: what it means for the peninsula",
    templateId: "policy-brief",
    fields: {
      author: "Maya Okafor, Asia Desk",
      distribution: "Policy directors; not for onward circulation",
    },
    articleIds: [article.id],
    draft: true,
  });
  await as("/api/briefs", {
    title: "Grid resilience after the winter storms",
    templateId: "situation-report",
    fields: { author: "Energy Security Unit" },
  });
  await as("/api/briefs", {
    title: "Options for the Baltic cable incident",
    templateId: "decision-memo",
    fields: { audience: "Minister of State", author: "Maritime Security Team" },
  });

  await share(maya, server, brief.id, tom, "editor");
  const colleague = await newMember(
    browser,
    server,
    "Priya Natarajan",
    "priya.natarajan@example.org",
  );
  await share(maya, server, brief.id, colleague, "commenter");
  await colleague.context.close();
  await openBrief(maya.page, server.url, brief.id);
  await openBrief(tom.page, server.url, brief.id);
  await tom.page.locator(".ProseMirror p").nth(1).click();
  await tom.page.keyboard.press("End");
  await maya.page.locator(".ProseMirror p").first().click();
  await maya.page.waitForTimeout(800);
  await shot(maya.page, "editor");

  const sources = maya.page.getByRole("complementary", { name: "Sources" });
  await sources.getByRole("button", { name: /^Quotes/ }).click();
  await sources
    .locator(".snippet-quote")
    .first()
    .getByRole("button", { name: "Show in article" })
    .click();
  await maya.page.waitForTimeout(800);
  await shot(maya.page, "reader");
  await sources.getByRole("button", { name: "Back to snippets" }).click();

  await maya.page.getByRole("button", { name: "Share" }).click();
  const dialog = maya.page.getByRole("dialog");
  await dialog.getByLabel("Role for link holders").selectOption("viewer");
  await dialog.getByRole("button", { name: "Create link" }).click();
  await dialog.getByLabel("Link address").waitFor();
  await dialog.getByLabel("Invite by email").fill("desk.officer@example.org");
  await maya.page.waitForTimeout(300);
  await shot(maya.page, "share");
  await dialog.getByRole("button", { name: "Done" }).click();

  await maya.page.goto(server.url);
  await maya.page.locator(".briefs-table").waitFor();
  await shot(maya.page, "home");
  await maya.page.getByRole("button", { name: "New brief" }).click();
  await maya.page.getByRole("dialog").waitFor();
  await maya.page.waitForTimeout(300);
  await shot(maya.page, "new-brief");
} finally {
  await browser.close();
  await server.close();
  removeDataDir(server.dataDir);
}
