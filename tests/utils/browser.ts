import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's Chromium; e2e tests never download a browser (`.ci/run` installs this one). */
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const NO_CHROMIUM_REASON = `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Debian's Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

const LOCK = path.resolve("dist.build-lock");

/**
 * Builds the client into dist/ when it is missing or older than its sources (the same check
 * `npm start` makes). A lock directory keeps parallel test files from building at once.
 */
export async function ensureClientBuilt(): Promise<void> {
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const age = existsSync(LOCK) ? Date.now() - statSync(LOCK).mtimeMs : 0;
      if (age > 120_000 || waited > 120_000) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    // Vitest sets NODE_ENV=test, which would make Vite emit a development bundle.
    execFileSync(process.execPath, ["scripts/ensure-client.mjs"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions the page produced. */
  errors: string[];
}

/**
 * A person in their own browser context (own storage, own IndexedDB), known to others by
 * `name`. Console errors are collected so tests can assert the page stays clean.
 */
export async function newPerson(
  browser: Browser,
  name: string,
  color = "#2563eb",
): Promise<Person> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  await context.addInitScript(
    ([n, c]) => localStorage.setItem("briefroom:identity", JSON.stringify({ name: n, color: c })),
    [name, color] as const,
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(String(err)));
  return { context, page, errors };
}

/** Console errors other than the network failures a test provoked on purpose (offline). */
export function unexpectedErrors(errors: string[]): string[] {
  return errors.filter(
    (e) => !/ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed/.test(e),
  );
}

/** Opens a brief and waits until it is live (synced with the server). */
export async function openBrief(page: Page, baseUrl: string, briefId: string): Promise<void> {
  await page.goto(`${baseUrl}/briefs/${briefId}`);
  await page.locator(".ProseMirror").waitFor();
  await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
}

/** Plain text of the editor, one line per block, without other people's caret labels. */
export function editorText(page: Page): Promise<string> {
  return page.locator(".ProseMirror").evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return [...copy.children]
      .map((block) => block.textContent ?? "")
      .join("\n")
      .trim();
  });
}
