import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { call, type SignedUp, signUp, TEST_PASSWORD } from "./auth.ts";
import { removeDataDir, startTestServer, type TestServer } from "./server.ts";

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

/**
 * For the browser tests of one `describe`: before them, builds the client if needed and
 * starts a real server (port 0, a fresh data directory, `overrides` on its environment) and
 * Chromium, handing both to `use`; after them, stops both and removes the data directory.
 */
export function startServerAndBrowser(
  use: (started: { server: TestServer; browser: Browser }) => void,
  overrides: Record<string, string> = {},
): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startTestServer(overrides);
    browser = await launchBrowser();
    use({ server, browser });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (server) removeDataDir(server.dataDir);
  });
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
 * Someone in their own browser context (own cookies, storage and IndexedDB), not signed in.
 * Console errors are collected so tests can assert the page stays clean.
 */
export async function newPerson(browser: Browser): Promise<Person> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(String(err)));
  return { context, page, errors };
}

/** Signs in through the sign-in page and waits for the page it leads to. */
export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  email: string,
  password = TEST_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  const form = page.getByRole("form", { name: "Sign in to Briefroom" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

export interface Member extends Person {
  /** The account's token and user, for arranging things over the API as this person. */
  account: SignedUp;
}

/**
 * A person with an account of their own, named `name` (others see it on their caret),
 * signed up over the API and signed in through the sign-in page.
 */
export async function newMember(
  browser: Browser,
  server: { url: string },
  name: string,
  email?: string,
): Promise<Member> {
  const account = await signUp(server, { name, ...(email ? { email } : {}) });
  const person = await newPerson(browser);
  await signInThroughPage(person.page, server.url, account.user.email);
  return { ...person, account };
}

/** A JSON request to the API as this member; returns the parsed body (throws unless 2xx). */
export async function asMember<T = { id: string }>(
  member: Member,
  server: { url: string },
  method: string,
  p: string,
  body?: unknown,
): Promise<T> {
  const answer = await call<T>(server, method, p, { token: member.account.token, body });
  if (answer.status >= 300) {
    throw new Error(`${method} ${p}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** Gives `member` a role on a brief that `owner` owns, by email as the app's dialog does. */
export async function share(
  owner: Member,
  server: { url: string },
  briefId: string,
  member: Member,
  role: "editor" | "commenter" | "viewer" = "editor",
): Promise<void> {
  await asMember(owner, server, "POST", `/api/briefs/${briefId}/shares`, {
    email: member.account.user.email,
    role,
  });
}

/** Console errors other than the network failures a test provoked on purpose (offline). */
export function unexpectedErrors(errors: string[]): string[] {
  return errors.filter(
    (e) => !/ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed/.test(e),
  );
}

/**
 * Opens a brief (with a link share's `token` if given) and waits until it is live (synced
 * with the server) and the person's role on it is known.
 */
export async function openBrief(
  page: Page,
  baseUrl: string,
  briefId: string,
  token?: string,
): Promise<void> {
  await page.goto(`${baseUrl}/briefs/${briefId}${token ? `?token=${token}` : ""}`);
  await page.locator(".ProseMirror").waitFor();
  await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
  await page.locator('.brief-page:not([data-access="checking"])').waitFor();
}

/**
 * Plain text of the editor, one line per block, without other people's caret labels or the
 * source check's margin flags.
 */
export function editorText(page: Page): Promise<string> {
  return page.locator(".ProseMirror").evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const extra of copy.querySelectorAll(".collaboration-carets__caret, .source-flag"))
      extra.remove();
    return [...copy.children]
      .map((block) => block.textContent ?? "")
      .join("\n")
      .trim();
  });
}

/**
 * Selects the first occurrence of `text` inside the element `locator` points at (it must lie
 * within one text node), as a person dragging over it would; the editor follows the DOM
 * selection.
 */
export async function selectText(locator: Locator, text: string): Promise<void> {
  await locator.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in one text node of the element`);
  }, text);
}

/** Inserts a snippet from the Sources panel at the end of the brief with its Insert button. */
export async function insertSnippetAtEnd(page: Page, snippetId: string): Promise<void> {
  const card = page.locator(`.snippet[data-snippet-id="${snippetId}"]`);
  await card.waitFor();
  await page.locator(".ProseMirror").click();
  await page.keyboard.press("Control+End");
  await card.getByRole("button", { name: /^Insert/ }).click();
}
