import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, TEST_PASSWORD } from "../utils/auth.ts";
import {
  hasChromium,
  NO_CHROMIUM_REASON,
  newMember,
  newPerson,
  startServerAndBrowser,
  unexpectedErrors,
} from "../utils/browser.ts";
import type { TestServer } from "../utils/server.ts";

/** The browser reports the refused sign-in's 401 as a console error; that one is expected. */
const WRONG_PASSWORD_401 = /status of 401/;

describe.skipIf(!hasChromium)(
  `accounts${hasChromium ? "" : ` (skipped: ${NO_CHROMIUM_REASON})`}`,
  () => {
    let server: TestServer;
    let browser: Browser;

    startServerAndBrowser((started) => {
      ({ server, browser } = started);
    });

    it("signs up, signs out, and signs back in to the page that was asked for", async () => {
      const cleo = await newPerson(browser);
      const { page } = cleo;
      const email = `cleo-${Date.now()}@briefroom.test`;

      await page.goto(server.url);
      await page.waitForURL("**/login");
      await page.getByRole("button", { name: "Create an account" }).click();
      const signup = page.getByRole("form", { name: "Create your account" });
      await signup.getByLabel("Your name").fill("Cleo Park");
      await signup.getByLabel("Email").fill(email);
      await signup.getByLabel("Password").fill(TEST_PASSWORD);
      await signup.getByRole("button", { name: "Create account" }).click();
      await page.getByRole("heading", { name: "Briefs", exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/");

      // Her name is on the account menu, which signs her out.
      await page.getByRole("button", { name: "Signed in as Cleo Park. Account menu" }).click();
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL("**/login");
      const brief = await server.api<{ id: string }>("POST", "/api/briefs", { title: "Cleo's" });
      expect(brief.status).toBe(201);
      const shared = await server.api("POST", `/api/briefs/${brief.body.id}/shares`, {
        email,
        role: "editor",
      });
      expect(shared.status).toBe(201);

      // Signed out, a brief's address leads to the sign-in page and back there afterwards.
      await page.goto(`${server.url}/briefs/${brief.body.id}`);
      await page.waitForURL(/\/login\?next=/);
      const signin = page.getByRole("form", { name: "Sign in to Briefroom" });
      await signin.getByLabel("Email").fill(email);
      await signin.getByLabel("Password").fill("not-the-password-1");
      await signin.getByRole("button", { name: "Sign in" }).click();
      await expect
        .poll(() => page.getByRole("alert").textContent())
        .toContain("Wrong email or password.");
      await signin.getByLabel("Password").fill(TEST_PASSWORD);
      await signin.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`**/briefs/${brief.body.id}`);
      await page.locator('.connection[data-state="connected"]').waitFor();
      await page.locator('.brief-page[data-access="editor"]').waitFor();

      const errors = unexpectedErrors(cleo.errors).filter((e) => !WRONG_PASSWORD_401.test(e));
      expect(errors).toEqual([]);
      await cleo.context.close();
    });

    it("changes the password from the account menu; a wrong current one is refused", async () => {
      const dana = await newMember(browser, server, "Dana Reyes");
      const { page } = dana;
      const newPassword = "Dana-New-Passphrase-2026";
      await page.getByRole("button", { name: "Signed in as Dana Reyes. Account menu" }).click();
      await page.getByRole("button", { name: "Change password…" }).click();
      const form = page.getByRole("form", { name: "Change password" });
      // The form takes the focus, so the keyboard can go straight on.
      await expect
        .poll(() =>
          form.getByLabel("Current password").evaluate((el) => el === document.activeElement),
        )
        .toBe(true);
      await form.getByLabel("Current password").fill("not-the-password-1");
      await form.getByLabel("New password").fill(newPassword);
      await form.getByRole("button", { name: "Change password" }).click();
      await expect.poll(() => form.getByRole("alert").textContent()).toContain("not your password");

      await form.getByLabel("Current password").fill(TEST_PASSWORD);
      await form.getByRole("button", { name: "Change password" }).click();
      await page.getByText("Password changed. Your other devices are signed out.").waitFor();
      expect(await form.count()).toBe(0);
      await signIn(server, dana.account.user.email, newPassword);
      await expect(signIn(server, dana.account.user.email, TEST_PASSWORD)).rejects.toThrow(/401/);

      const errors = unexpectedErrors(dana.errors).filter((e) => !/status of 403/.test(e));
      expect(errors).toEqual([]);
      await dana.context.close();
    });
  },
);
