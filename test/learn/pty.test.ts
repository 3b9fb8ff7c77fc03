// The tour and --quiz in the dashboard, through the real binary in a pseudo-terminal at 80×24: a whole tour
// answered right and one answered wrong (verdicts, the score), --quiz on exceptions and on shutdown with a
// scripted Ctrl-C, Ctrl-C during a question (the program's Ctrl-C; a second one exits at once), the terminal
// given back every time.
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { STOPS } from "../../src/learn/tour/stops.js";
import { type Terminal, terminalLauncher } from "../support/pty.js";

const CTRL_C = "\u0003";
const ENTER = "\r";
const SHOW_CURSOR = "\u001b[?25h";
const HIDE_CURSOR = "\u001b[?25l";
const TIMEOUT = 120_000;

const launch = terminalLauncher({ columns: 80, rows: 24, noColor: true });

/** The cursor is shown again after the last frame (raw mode is off once the process has exited). */
function restored(t: Terminal): void {
  const raw = t.raw();
  expect(raw.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(raw.lastIndexOf(HIDE_CURSOR));
}

/** The screen's text with the cards' borders and line breaks gone: a card's wrapped sentence reads whole. */
function prose(screen: string): string {
  return screen.replace(/[│┌┐└┘─]/g, " ").replace(/\s+/g, " ");
}

/** Every row fits the terminal: nothing wider than 80 cells. */
function fits(screen: string): void {
  for (const row of screen.split("\n")) expect(stringWidth(row)).toBeLessThanOrEqual(80);
}

async function tour(answer: (index: number) => number): Promise<{ t: Terminal; verdicts: string[] }> {
  const t = launch(["tour", "--speed", "20"]);
  const verdicts: string[] = [];
  for (const [index, stop] of STOPS.entries()) {
    const asked = await t.waitFor((s) => s.includes(`Stop ${index + 1}/7 ·`) && s.includes("your prediction"), 30_000);
    fits(asked);
    expect(prose(asked)).toContain(stop.question);
    t.write(String(answer(index) + 1));
    if (stop.ctrlC !== undefined) {
      await t.waitFor((s) => s.includes("Press Ctrl-C now"), 30_000);
      t.write(CTRL_C);
    }
    // The key bar is the frame's last row: the whole verdict frame has arrived (not a screen mid-write).
    const verdict = await t.waitFor(
      (s) => /[✔✘] (Right|Wrong) · Stop/.test(s) && /Enter (next stop|your score)/.test(s),
      30_000,
    );
    fits(verdict);
    expect(verdict).toContain(stop.verdict[0]);
    verdicts.push(verdict);
    t.write(ENTER);
  }
  return { t, verdicts };
}

describe("async-demo tour in a terminal", () => {
  it(
    "a whole tour answered right: each verdict says Right on the answering event, the score is 7/7",
    async () => {
      const { t, verdicts } = await tour((i) => STOPS[i]?.correct ?? 0);
      for (const v of verdicts) expect(v).toContain("✔ Right · Stop");
      // A verdict holds the run: its header never says it plays on (it did, from a stale snapshot).
      for (const v of verdicts) expect(v.split("\n")[1]).not.toContain("▶ running");
      // The gather stop holds the run on the printed results (t=1.00s on the header).
      expect(verdicts[0]).toMatch(/t=1\.00s/);
      expect(verdicts[0]).toContain("» ['Data fetched', 'Data processed']");
      const score = await t.waitFor((s) => s.includes("Score") && s.includes("7/7 right."));
      fits(score);
      t.write(ENTER);
      const { status } = await t.exited;
      expect(status).toBe(0);
      expect(t.screen().join("\n")).toContain("Score: 7/7 right.");
      restored(t);
    },
    TIMEOUT,
  );

  it(
    "a whole tour answered wrong: each verdict says Wrong and marks the right choice, the score is 0/7",
    async () => {
      const { t, verdicts } = await tour((i) => ((STOPS[i]?.correct ?? 0) + 1) % (STOPS[i]?.choices.length ?? 3));
      for (const [i, v] of verdicts.entries()) {
        expect(v).toContain("✘ Wrong · Stop");
        expect(v).toContain(`✔${(STOPS[i]?.correct ?? 0) + 1}  `);
      }
      await t.waitFor((s) => s.includes("0/7 right."));
      t.write("q");
      const { status } = await t.exited;
      expect(status).toBe(0);
      expect(t.screen().join("\n")).toContain("Score: 0/7 right.");
      restored(t);
    },
    TIMEOUT,
  );

  it(
    "f takes the corrected variant at once, and the tour comes back after it; q leaves with status 0",
    async () => {
      const t = launch(["tour", "--from", "3", "--speed", "20"]);
      await t.waitFor((s) => s.includes("Stop 3/7 ·") && s.includes("your prediction"));
      t.write("2");
      await t.waitFor((s) => s.includes("f the fix: cancel-reraise"));
      t.write("f");
      await t.waitFor((s) => s.includes("Stop 5/7 ·") && s.includes("your prediction"));
      t.write("2");
      await t.waitFor((s) => s.includes("✔ Right · Stop 5/7"));
      t.write(ENTER);
      await t.waitFor((s) => s.includes("Stop 4/7 ·") && s.includes("your prediction"));
      t.write("q");
      const { status } = await t.exited;
      expect(status).toBe(0);
      expect(t.screen().join("\n")).toContain("Score: 2/2 right.");
      restored(t);
    },
    TIMEOUT,
  );
});

describe("leaving the tour by Ctrl-C", () => {
  it(
    "at the shutdown stop's prompt, a second Ctrl-C exits at once with 130, the terminal given back",
    async () => {
      const t = launch(["tour", "--from", "4", "--speed", "20"]);
      await t.waitFor((s) => s.includes("Stop 4/7 ·") && s.includes("your prediction"));
      t.write("2");
      await t.waitFor((s) => s.includes("Press Ctrl-C now"));
      t.write(CTRL_C + CTRL_C);
      const { status } = await t.exited;
      expect(status).toBe(130);
      restored(t);
    },
    TIMEOUT,
  );
});

describe("--quiz in a terminal", () => {
  /** Answer every question with its first choice until the score card; the screens seen on the way. */
  /** The title row of the card on screen (question, verdict, score), if any. */
  const card = (screen: string) => screen.split("\n").find((row) => row.startsWith("┌ "));

  async function answerAll(t: Terminal): Promise<string[]> {
    const seen: string[] = [];
    for (;;) {
      // Each on the frame's last rows (the key bar, the score card's bottom): the whole frame has arrived.
      const screen = await t.waitFor((s) => /1–\d answer|Enter go on|┌ Score[\s\S]*└─/.test(s), 30_000);
      fits(screen);
      seen.push(screen);
      if (screen.includes("┌ Score")) return seen;
      t.write(/1–\d answer/.test(screen) ? "1" : ENTER);
      // Wait for the key's own effect, the card changing (a question answered, a verdict gone): the screen
      // also changes by itself (the run ends meanwhile), and a second 1 pressed on the verdict would cancel
      // task 1, as a number key does outside a question.
      await t.waitFor((s) => card(s) !== card(screen), 30_000);
    }
  }

  it(
    "exceptions: questions held before their answers, verdicts on them, a per-rule score",
    async () => {
      const t = launch(["exceptions", "--quiz", "--speed", "20"]);
      const seen = await answerAll(t);
      const questions = seen.filter((s) => /┌ Question \d+ · t=/.test(s));
      const verdicts = seen.filter((s) => /[✔✘] (Right|Wrong) · Question/.test(s));
      expect(questions.length).toBeGreaterThanOrEqual(4);
      expect(verdicts.length).toBe(questions.length);
      // The sibling question: fetch_data goes on after task_that_fails raised.
      expect(prose(seen.join("\n"))).toContain("What happens next to fetch_data (Task-2)?");
      const score = seen.at(-1) ?? "";
      expect(score).toMatch(/\d+\/\d+ right\./);
      expect(score).toContain("gather cancels no sibling");
      t.write("q");
      const { status } = await t.exited;
      expect(status).toBe(0);
      expect(t.screen().join("\n")).toMatch(/Score: \d+\/\d+ right\./);
      restored(t);
    },
    TIMEOUT,
  );

  it(
    "shutdown --interrupt-at 0.5: asks about the forwarded cancel and the exit status 0",
    async () => {
      const t = launch(["shutdown", "--interrupt-at", "0.5", "--quiz", "--speed", "20"]);
      const seen = (await answerAll(t)).join("\n");
      expect(prose(seen)).toContain("main (Task-1) is asked to cancel while it awaits gather of 3");
      expect(prose(seen)).toContain("With what status does the program exit?");
      expect(seen).toMatch(/✔\d {2}0: asyncio\.run returns normally/);
      t.write("q");
      const { status } = await t.exited;
      expect(status).toBe(0);
      restored(t);
    },
    TIMEOUT,
  );

  it(
    "Ctrl-C during a question is the program's Ctrl-C: the cleanup runs, and the dashboard stays until q",
    async () => {
      const t = launch(["shutdown", "--quiz", "--speed", "5"]);
      // No scripted Ctrl-C: the first question comes at t=1.0 (fetch_data ends); press Ctrl-C on it.
      await t.waitFor((s) => /┌ Question 1 · t=/.test(s), 30_000);
      t.write(CTRL_C);
      // The run branches where the question held it: the question is gone, the cleanup ran.
      const after = await t.waitFor((s) => !/┌ Question 1 · t=/.test(s) && s.includes("Cleaned up"), 30_000);
      fits(after);
      t.write("q");
      const { status } = await t.exited;
      // The recipe swallows the Ctrl-C: exit status 0, as CPython.
      expect(status).toBe(0);
      restored(t);
    },
    TIMEOUT,
  );

  it(
    "a second Ctrl-C during a question exits at once with 130, the terminal given back",
    async () => {
      const t = launch(["shutdown", "--quiz", "--speed", "5"]);
      await t.waitFor((s) => /┌ Question 1 · t=/.test(s), 30_000);
      t.write(CTRL_C + CTRL_C);
      const { status } = await t.exited;
      expect(status).toBe(130);
      restored(t);
    },
    TIMEOUT,
  );
});
