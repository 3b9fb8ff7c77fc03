/**
 * Replay pages (`--html`) in a real browser: the system's Chromium through
 * playwright-core. For several scenarios the page is moved to chosen events —
 * by the scrubber, by `#event-N` links and by the dashboard's keys — and its
 * task rows must be exactly the session store's state at that event (tree
 * order, state, what each awaits or how it ended). No page may log an error or
 * make a request beyond its own file. Screenshots go to test/browser/screenshots/
 * (git-ignored) for a person to look at.
 *
 * Without Chromium these tests are skipped with a message; in CI (CI=true) a
 * missing Chromium is a failure, since .ci/run installs it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { unpackEvents } from "../../src/views/html/replay-data.js";
import { examples, pythonEnv, SKIP_WHY, usablePython } from "../cpython/cpython.js";
import { type Browser, findChromium, inCI, launchBrowser, NO_CHROMIUM, type WatchedPage } from "../support/browser.js";
import { EVIL, EVIL_SCENARIO } from "../support/evil-scenario.js";
import { type ExpectedRow, expectedRows, storeState, writeReplay } from "../support/replay.js";

const SHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
const chromiumPath = findChromium();
const dir = mkdtempSync(join(tmpdir(), "async-demo-browser-"));
let browser: Browser | undefined;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  if (chromiumPath !== null) browser = await launchBrowser(chromiumPath);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The browser, or skip (a user's machine) / fail (CI) without one. */
function needBrowser(ctx: TestContext): Browser {
  if (browser !== undefined) return browser;
  if (inCI) throw new Error(`${NO_CHROMIUM}; CI must run the browser tests (.ci/run installs Chromium)`);
  ctx.skip(NO_CHROMIUM);
  throw new Error("unreachable");
}

async function open(watched: WatchedPage, file: string, hash = ""): Promise<Page> {
  const page = watched.page;
  await page.goto(`${pathToFileURL(file).href}${hash}`);
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

const cursor = async (page: Page) => Number(await page.getAttribute("body", "data-cursor"));

/** Move with the scrubber, as a mouse or a finger would. */
async function scrub(page: Page, position: number): Promise<void> {
  await page.$eval(
    'input[type="range"]',
    (input, value) => {
      (input as HTMLInputElement).value = String(value);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    },
    position,
  );
  await page.waitForSelector(`body[data-cursor="${position}"]`);
}

/** The task rows the page has drawn (rows in view: a long tree draws only those), by index in the tree. */
async function pageRows(page: Page): Promise<Map<number, ExpectedRow>> {
  const rows = await page.$$eval(".tasks .row[data-task]", (els) =>
    els.map((el) => ({
      index: Number((el as HTMLElement).dataset.index),
      task: (el as HTMLElement).dataset.task ?? "",
      state: (el as HTMLElement).dataset.state ?? "",
      prefix: el.querySelector(".prefix")?.textContent ?? "",
      coro: el.querySelector(".coro")?.textContent ?? "",
      name: el.querySelector(".tname")?.textContent ?? "",
      detail: el.querySelector(".detail")?.textContent ?? "",
      word: el.querySelector(".word")?.textContent ?? "",
    })),
  );
  return new Map(rows.map(({ index, word, ...row }) => [index, { ...row, word } as ExpectedRow & { word: string }]));
}

/** The page at `position` shows the store's state there: every row drawn, the count of tasks, the clock. */
async function expectStoreState(page: Page, data: ReturnType<typeof writeReplay>["data"], position: number) {
  expect(await cursor(page)).toBe(position);
  const expected = expectedRows(storeState(data, position));
  const drawn = await pageRows(page);
  expect(drawn.size).toBeGreaterThan(Math.min(expected.length, 5) - 1);
  for (const [index, row] of drawn) {
    const { word, ...rest } = row as ExpectedRow & { word: string };
    expect({ index, ...rest }).toEqual({ index, ...expected[index] });
    expect(word).toBe(expected[index]?.state);
  }
  expect(await page.textContent(".tasks h2")).toBe(`Tasks (${expected.length})`);
}

/** Every cell of every drawn row lies inside its row (a broken layout piles them up elsewhere). */
async function expectRowsLaidOut(page: Page): Promise<void> {
  const strays = await page.$$eval(".tasks .row[data-task]", (rows) =>
    rows.flatMap((row) => {
      const box = row.getBoundingClientRect();
      return Array.from(row.querySelectorAll(":scope > span:not(.lane)"))
        .filter((cell) => {
          const r = cell.getBoundingClientRect();
          const shown = r.width > 0 && r.height > 0;
          return (
            shown &&
            (r.top < box.top - 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1 || r.right > box.right + 1)
          );
        })
        .map((cell) => `${(row as HTMLElement).dataset.index}: .${cell.className}`);
    }),
  );
  expect(strays).toEqual([]);
}

function expectClean(watched: WatchedPage, file: string): void {
  expect(watched.errors).toEqual([]);
  // The page's own file and nothing else.
  expect(watched.requests.filter((url) => url.split("#")[0] !== pathToFileURL(file).href)).toEqual([]);
}

/** A few positions: the ends, the middle, and some spread by a fixed rule. */
function positions(head: number): number[] {
  const chosen = new Set([0, 1, Math.floor(head / 3), Math.floor(head / 2), head - 1, head]);
  for (let i = 1; i <= 4; i++) chosen.add(Math.floor((head * i * 7) / 31) % (head + 1));
  return [...chosen].filter((p) => p >= 0 && p <= head);
}

const SCENARIOS: [string, string[]][] = [
  ["gather", ["gather"]],
  ["cancel", ["cancel"]],
  ["shutdown", ["shutdown", "--interrupt-at", "0.5"]],
  ["exceptions", ["exceptions", "--set", "wait_after=0"]],
  ["taskgroup", ["taskgroup"]],
  ["timeout", ["timeout"]],
  ["swarm", ["swarm", "--set", "tasks=150", "--seed", "7"]],
];

describe("replay pages in Chromium", () => {
  it.for(SCENARIOS)(
    "%s: at chosen events the page shows the store's task rows and states",
    { timeout: 120_000 },
    async ([name, args], ctx) => {
      const b = needBrowser(ctx);
      const { file, data } = writeReplay(dir, name, args);
      const head = data.events.rows.length;
      const watched = await b.page();
      const page = await open(watched, file);
      // It opens at the end of the run, with the summary.
      await expectStoreState(page, data, head);
      expect(await page.isVisible(".summary")).toBe(true);
      await page.screenshot({ path: join(SHOTS, `${name}-end.png`), fullPage: true });
      for (const position of positions(head)) {
        await scrub(page, position);
        await expectStoreState(page, data, position);
        expect(await page.isVisible(".summary")).toBe(position === head);
      }
      await scrub(page, Math.floor(head / 2));
      await expectRowsLaidOut(page);
      await page.screenshot({ path: join(SHOTS, `${name}-middle.png`), fullPage: true });
      expectClean(watched, file);
      await page.close();
    },
  );

  it("a Python program run by CPython: the page shows the store's tasks at chosen events", {
    timeout: 120_000,
  }, async (ctx) => {
    const b = needBrowser(ctx);
    const python = usablePython();
    if (python === null) return ctx.skip(SKIP_WHY);
    const { file, data } = writeReplay(
      dir,
      "python-program",
      ["run", examples("producer_consumer.py")],
      pythonEnv(python),
    );
    const head = data.events.rows.length;
    const watched = await b.page();
    const page = await open(watched, file);
    for (const position of positions(head)) {
      await scrub(page, position);
      await expectStoreState(page, data, position);
    }
    // A program of one language: its code is the Python, no TypeScript tab to switch to, no empty lesson.
    expect(await page.textContent('.tab[aria-selected="true"]')).toBe("Python");
    expect(await page.isDisabled(".tab:nth-child(2)")).toBe(true);
    expect(await page.$(".lesson")).toBeNull();
    await page.screenshot({ path: join(SHOTS, "python-program.png"), fullPage: true });
    expectClean(watched, file);
    await page.close();
  });

  it("a long tree draws the rows in view and scrolls to the rest", { timeout: 120_000 }, async (ctx) => {
    const b = needBrowser(ctx);
    const { file, data } = writeReplay(dir, "swarm-long", ["swarm", "--set", "tasks=600", "--seed", "2"]);
    const watched = await b.page();
    const page = await open(watched, file);
    const head = data.events.rows.length;
    const position = Math.floor(head * 0.6);
    await scrub(page, position);
    const total = expectedRows(storeState(data, position)).length;
    expect((await pageRows(page)).size).toBeLessThan(total);
    await page.$eval(".tasks .scroller", (el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.waitForSelector(`.tasks .row[data-index="${total - 1}"]`);
    await expectStoreState(page, data, position);
    expectClean(watched, file);
    await page.close();
  });

  it("the dashboard's keys step, step back, jump, select and play", { timeout: 120_000 }, async (ctx) => {
    const b = needBrowser(ctx);
    const { file, data } = writeReplay(dir, "gather-keys", ["gather"]);
    const head = data.events.rows.length;
    const watched = await b.page();
    const page = await open(watched, file);
    await page.keyboard.press("Home");
    await expectStoreState(page, data, 0);
    for (let i = 1; i <= 5; i++) {
      await page.keyboard.press(i % 2 === 0 ? "ArrowRight" : "n");
      await expectStoreState(page, data, i);
    }
    await page.keyboard.press("b");
    await page.keyboard.press("ArrowLeft");
    await expectStoreState(page, data, 3);
    // The address follows the cursor, so a copied link opens this moment.
    expect(new URL(page.url()).hash).toBe(`#event-${unpackEvents(data.events)[2]?.seq}`);
    // ↓ selects the next task; the detail below the tree names it.
    await page.keyboard.press("End");
    await page.keyboard.press("j");
    const selected = await page.getAttribute(".row.selected", "data-index");
    expect(selected).toBe("1");
    expect(await page.textContent(".task-detail")).toContain((await page.textContent(".row.selected .coro")) as string);
    // Speed, then play from the start: it runs to the end by itself.
    await page.keyboard.press("+");
    expect(await page.textContent(".status .speed")).toBe("×2");
    await page.keyboard.press("Home");
    await page.keyboard.press(" ");
    expect(await page.getAttribute("body", "data-playing")).toBe("true");
    await page.waitForSelector(`body[data-playing="false"][data-cursor="${head}"]`, { timeout: 30_000 });
    await expectStoreState(page, data, head);
    // A key that would change the run says why a replay cannot.
    await page.keyboard.press("c");
    expect(await page.textContent(".notice")).toContain("This is a replay: it cannot change the run");
    // p switches the code to TypeScript, ? opens the keys.
    await page.keyboard.press("p");
    expect(await page.getAttribute('.tab[aria-selected="true"]', "role")).toBe("tab");
    expect(await page.textContent('.tab[aria-selected="true"]')).toBe("TypeScript");
    expect(await page.textContent(".code")).toContain("defineScenario");
    await page.keyboard.press("?");
    expect(await page.isVisible(".help")).toBe(true);
    await page.keyboard.press("Escape");
    expect(await page.isVisible(".help")).toBe(false);
    expectClean(watched, file);
    await page.close();
  });

  it("#event-N opens that moment, and each log entry links to its own", { timeout: 120_000 }, async (ctx) => {
    const b = needBrowser(ctx);
    const { file, data } = writeReplay(dir, "shutdown-links", ["shutdown", "--interrupt-at", "0.5"]);
    const events = unpackEvents(data.events);
    const watched = await b.page();
    const page = await open(watched, file, "#event-20");
    await expectStoreState(page, data, 20);
    await page.click('.log a[href="#event-15"]');
    await page.waitForSelector('body[data-cursor="15"]');
    await expectStoreState(page, data, 15);
    expect(new URL(page.url()).hash).toBe("#event-15");
    // A moment the run does not have: said on the page, nothing breaks.
    await page.goto(`${pathToFileURL(file).href}#event-${events.length + 50}`);
    await page.waitForSelector("body[data-ready=true]");
    expect(await page.textContent(".notice")).toBe(`this run has no event ${events.length + 50}`);
    expectClean(watched, file);
    await page.close();
  });

  it("markup in task names, prints and errors stays text", { timeout: 120_000 }, async (ctx) => {
    const b = needBrowser(ctx);
    const scenario = join(dir, "evil.ts");
    writeFileSync(scenario, EVIL_SCENARIO);
    const { file, data } = writeReplay(dir, "evil", ["run", scenario]);
    const watched = await b.page();
    const page = await open(watched, file, "#event-12");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$("img")).toHaveLength(0);
    expect(await page.textContent("h1")).toBe(`async-demo · evil — ${EVIL}`);
    expect(await page.$$eval(".log .text", (els) => els.map((el) => el.textContent))).toContain(`» ${EVIL}`);
    expect(await page.textContent(".row:nth-child(2) .tname")).toBe(EVIL);
    await expectStoreState(page, data, 12);
    // At the end, the summary shows the traceback the CLI printed, as text.
    await page.keyboard.press("End");
    expect(await page.textContent(".summary h2")).toMatch(/^Exit status 1 /);
    expect(await page.textContent(".summary .after")).toContain(`ValueError: ${EVIL}`);
    // The policy the page carries forbids anything but its own two inline blocks.
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content")).toMatch(
      /^default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+';/,
    );
    expectClean(watched, file);
    await page.close();
  });

  it("reads on a phone, in the dark", { timeout: 120_000 }, async (ctx) => {
    const b = needBrowser(ctx);
    const { file, data } = writeReplay(dir, "cancel-phone", ["cancel"]);
    const watched = await b.page({ width: 390, height: 844, dark: true });
    const page = await open(watched, file, "#event-14");
    await expectStoreState(page, data, 14);
    await expectRowsLaidOut(page);
    // Nothing wider than the screen but the code, which scrolls in its own box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(11, 18, 32)");
    await page.screenshot({ path: join(SHOTS, "cancel-phone-dark.png"), fullPage: true });
    expectClean(watched, file);
    await page.close();
  });
});
