/**
 * The browser for the replay tests: the system's Chromium (Debian's
 * `chromium` package, or ASYNC_DEMO_CHROMIUM) driven by playwright-core, with
 * a fresh profile and every background service off — the machines running the
 * tests have no network, and a page must need none. Each page records its
 * console errors, uncaught errors and every request it makes.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

export function findChromium(): string | null {
  const chosen = process.env.ASYNC_DEMO_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** True when the tests run in CI (vitest.config passes the real CI variable on as ASYNC_DEMO_CI). */
export const inCI = ["true", "1"].includes(process.env.ASYNC_DEMO_CI ?? "");

export const NO_CHROMIUM =
  "Chromium not found: the browser tests of the replay pages need it (apt-get install chromium, or set ASYNC_DEMO_CHROMIUM)";

export interface Browser {
  /** A page that records what the test must check. */
  page(options?: { width?: number; height?: number; dark?: boolean }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** console.error lines and uncaught errors. */
  errors: string[];
  /** Every URL requested. */
  requests: string[];
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "async-demo-chromium-"));
  // A persistent context is how playwright takes a profile directory of our own (--user-data-dir).
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    async page({ width = 1280, height = 900, dark = false } = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: dark ? "dark" : "light" });
      const watched: WatchedPage = { page, errors: [], requests: [] };
      page.on("console", (message) => {
        if (message.type() === "error") watched.errors.push(message.text());
      });
      page.on("pageerror", (error) => watched.errors.push(error.message));
      page.on("dialog", (dialog) => {
        watched.errors.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on("request", (request) => watched.requests.push(request.url()));
      return watched;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
