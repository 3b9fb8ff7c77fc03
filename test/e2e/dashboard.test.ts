// The real binary (bin/async-demo → dist/) in a pseudo-terminal: keys, Ctrl-C and signals, stepping, sizes, picker, NO_COLOR.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Terminal, terminalLauncher } from "../support/pty.js";

const SHOW_CURSOR = "\u001b[?25h";
const CTRL_C = "\u0003";
const DOWN = "\u001B[B";
const ESC = "\u001b";
const TIMEOUT = 45_000;

const dir = mkdtempSync(join(tmpdir(), "async-demo-dashboard-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Never leave a child behind, whatever happened in the test.
const launch = terminalLauncher();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The screen once it has stopped changing for `quietMs`. */
async function settled(t: Terminal, quietMs = 250, timeoutMs = 15_000): Promise<string[]> {
  const start = Date.now();
  let last = t.screen().join("\n");
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() - start > timeoutMs) throw new Error(`screen never settled:\n${last}`);
    await sleep(25);
    const now = t.screen().join("\n");
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return last.split("\n");
}

/** Task rows of the screen: a row number (or two spaces), a state glyph, a name. */
/** Task rows, without the selection column (`›` or a space). */
const taskRows = (lines: string[]) => lines.filter((l) => /^[ ›](\d | {2})[○▶◷⊘✔✖⊗] /.test(l)).map((l) => l.slice(1));
/** Event log lines: the loop time, then the narration (or a ↳ hint). */
const logLines = (lines: string[]) => lines.filter((l) => /^ {2,3}\d+\.\d{3} {2}| {10}↳ /.test(l));

/** True if the program is still running after `ms` (it stays open: no speed is asserted, only that it waits). */
const stillRunning = (t: Terminal, ms: number) =>
  Promise.race([t.exited.then(() => false), sleep(ms).then(() => true)]);

beforeAll(() => {
  if (!existsSync(fileURLToPath(new URL("../../dist/src/cli.js", import.meta.url))))
    throw new Error("dist/ is missing: run `npm run build` before the e2e tests");
});

describe("dashboard in a terminal", () => {
  it(
    "cancel: pressing long_running_task's number cancels it, the row shows it swallowed the cancel; q exits 130 mid-run",
    async () => {
      const t = launch(["cancel", "--speed", "0.1"]);
      await t.waitFor((s) => /2 ◷ └ long_running_task\s+Task-2\s+waiting\s+sleep 10\.0s/.test(s));
      t.write("2");
      const s = await t.waitFor((s) => /Task-2\s+done/.test(s));
      expect(s).toMatch(/2 ✔ └ long_running_task\s+Task-2\s+done\s+swallowed the cancel \(you asked for/);
      expect(s).toContain("» Task was cancelled");
      expect(s).toMatch(/long_running_task \(Task-2\) caught the CancelledError and returned None/);
      expect(s).toMatch(/▶ running/); // main still sleeps: the run goes on
      t.write("q");
      const { status } = await t.exited;
      expect(status).toBe(130);
      expect(t.raw().endsWith(SHOW_CURSOR)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "shutdown: the prompt invites Ctrl-C; the key unwinds the run and the dashboard stays on it until q, which exits 0",
    async () => {
      const t = launch(["shutdown", "--speed", "0.2"], { columns: 100, rows: 40 });
      await t.waitFor((s) => /long_running_task\s+Task-4\s+waiting/.test(s) && s.includes("▶ press Ctrl-C now"));
      t.write(CTRL_C);
      const s = await t.waitFor((s) => s.includes("Finished at") && s.includes("q quit (status 0)"));
      expect(s).not.toContain("press Ctrl-C now");
      expect(s).toContain("exit status 0");
      // It stays: nothing exits on its own.
      expect(await stillRunning(t, 1500)).toBe(true);
      t.write("b");
      await t.waitFor((s) => s.includes("◀ event"));
      const history = (await settled(t)).join("\n");
      expect(history).toContain("Cleaned up");
      t.write("q");
      const { status } = await t.exited;
      expect(status).toBe(0);
      const end = t.screen().join("\n");
      expect(end).toContain("async-demo has exited with status 0");
      // The last frame offers no key that no longer works.
      expect(end).not.toMatch(/q quit|\? help|replay|look back/);
      expect(t.raw().endsWith(SHOW_CURSOR)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "shutdown-reraise: the same Ctrl-C key, then a second Ctrl-C after the cleanup: the scenario's status, 130",
    async () => {
      const t = launch(["shutdown-reraise", "--speed", "0.2"], { columns: 100, rows: 40 });
      await t.waitFor((s) => /long_running_task\s+Task-4\s+waiting/.test(s));
      t.write(CTRL_C);
      const s = await t.waitFor((s) => s.includes("Finished at") && s.includes("q quit (status 130)"));
      expect(s).toContain("exit status 130");
      expect(s).toContain("Ctrl-C");
      t.write(CTRL_C);
      const { status } = await t.exited;
      expect(status).toBe(130);
      expect(t.raw().endsWith(SHOW_CURSOR)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "an external SIGINT takes the same graceful path (shutdown: cleanup shown, exit 0)",
    async () => {
      const t = launch(["shutdown", "--speed", "0.2"], { columns: 100, rows: 40 });
      await t.waitFor((s) => /long_running_task\s+Task-4\s+waiting/.test(s));
      t.kill("SIGINT");
      const { status } = await t.exited;
      const s = t.screen().join("\n");
      expect(s).toContain("exit status 0");
      expect(status).toBe(0);
      expect(t.raw().endsWith(SHOW_CURSOR)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "SIGTERM: shutdown-reraise cleans up and exits 143",
    async () => {
      const t = launch(["shutdown-reraise", "--speed", "0.2"], { columns: 100, rows: 40 });
      await t.waitFor((s) => /long_running_task\s+Task-4\s+waiting/.test(s));
      t.kill("SIGTERM");
      const { status } = await t.exited;
      const s = t.screen().join("\n");
      expect(s).toContain("Cleaned up");
      expect(s).toContain("async-demo has exited with status 143");
      expect(status).toBe(143);
      expect(t.raw().endsWith(SHOW_CURSOR)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "a second Ctrl-C exits at once with 130, without waiting for the cleanup",
    async () => {
      // timeout: slow_operation's cleanup sleeps 0.5 s of loop time — 10 s of wall time at ×0.05. Waiting
      // for it would show "cleanup done" before the exit: its absence, not a stopwatch, proves "at once".
      const t = launch(["timeout", "--speed", "0.05"], { columns: 100, rows: 40 });
      await t.waitFor((s) => /main\s+Task-1\s+waiting/.test(s));
      t.write(CTRL_C);
      await t.waitFor((s) => s.includes("» slow_operation: cancelled, cleaning up"));
      expect(t.screen().join("\n")).toContain("Ctrl-C again: exit at once (status 130)");
      t.write(CTRL_C);
      const { status } = await t.exited;
      expect(status).toBe(130);
      const end = t.screen().join("\n");
      expect(end).not.toContain("slow_operation: cleanup done");
      expect(end).toMatch(/Ctrl-C again at t=\d\.\d\ds: the run was abandoned — async-demo has exited with status 130/);
      expect(t.raw().endsWith(SHOW_CURSOR)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "two Ctrl-C in a row on shutdown: 130, not the graceful 0",
    async () => {
      const t = launch(["shutdown", "--speed", "0.2"]);
      await t.waitFor((s) => /long_running_task\s+Task-4\s+waiting/.test(s));
      t.write(CTRL_C + CTRL_C); // one read: a busy terminal delivers both at once
      const { status } = await t.exited;
      expect(status).toBe(130);
    },
    TIMEOUT,
  );

  it(
    "paused for a while is not a blocked loop: no notice after a re-render, and a step still answers",
    async () => {
      const t = launch(["gather", "--speed", "0.5"]);
      await t.waitFor((s) => /process_data\s+Task-3\s+waiting/.test(s));
      t.write(" ");
      await t.waitFor((s) => s.includes("‖ paused"));
      await sleep(1500);
      t.write(DOWN); // re-renders the dashboard, which asks whether the scenario's thread is stuck
      const screen = (await settled(t)).join("\n");
      expect(screen).not.toContain("held the loop");
      expect(screen).toContain("‖ paused");
      t.write("n");
      await t.waitFor((s) => s !== screen);
      expect((await settled(t)).join("\n")).not.toContain("held the loop");
      t.write("q");
      await t.exited;
    },
    TIMEOUT,
  );

  it(
    "pause, step twice, step back: the screen is the one after the first step",
    async () => {
      const t = launch(["gather", "--speed", "0.5"], { columns: 100, rows: 40 });
      await t.waitFor((s) => /process_data\s+Task-3\s+waiting/.test(s));
      t.write(" ");
      await t.waitFor((s) => s.includes("‖ paused"));
      const paused = await settled(t);
      t.write("n");
      await t.waitFor((s) => s !== paused.join("\n"));
      const first = await settled(t);
      t.write("n");
      await t.waitFor((s) => s !== first.join("\n"));
      const second = await settled(t);
      expect(logLines(second).length).toBeGreaterThan(logLines(first).length);
      t.write("b");
      await t.waitFor((s) => s.includes("◀ event"));
      const back = await settled(t);
      expect(back[1]).toMatch(/ {2}◀ event \d+\/\d+ · history, paused/);
      expect(taskRows(back)).toEqual(taskRows(first));
      expect(logLines(back)).toEqual(logLines(first));
      t.write("q");
      await t.exited;
    },
    TIMEOUT,
  );

  it(
    "60×20: header, tasks and footer visible, nothing wider than 59 columns, no full-screen redraws; q after the end exits 0",
    async () => {
      const t = launch(["gather", "--speed", "2"], { columns: 60, rows: 20 });
      const s = await t.waitFor((s) => s.includes("Tasks (3)") && s.includes("process_data"));
      const lines = s.split("\n");
      expect(lines[0]).toMatch(/^async-demo · gather/);
      expect(lines.some((l) => l.endsWith("? help · q quit · Ctrl-C"))).toBe(true);
      const end = await t.waitFor((s) => s.includes("■ done") && s.includes("Finished at"));
      for (const line of end.split("\n")) expect(line.length, line).toBeLessThanOrEqual(59);
      expect(end.split("\n")[0]).toMatch(/^async-demo · gather/);
      // After the end the lesson comes first: the tree keeps what is left, and counts the rest.
      const rows = taskRows(end.split("\n"));
      expect(rows.length).toBeGreaterThanOrEqual(1);
      if (rows.length < 3) expect(end).toContain(`… ${3 - rows.length} more below`);
      // Ink clears the whole screen (and the scrollback) when its frame reaches the terminal's height.
      expect(t.raw()).not.toContain("\u001b[2J");
      t.write("q");
      expect((await t.exited).status).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "resizing to 40×10 and back does not crash",
    async () => {
      const t = launch(["gather", "--speed", "0.5"], { columns: 80, rows: 24 });
      await t.waitFor((s) => s.includes("Tasks (3)"));
      t.resize(40, 10);
      await sleep(400);
      t.resize(80, 24);
      await sleep(400);
      const end = await t.waitFor((s) => s.includes("■ done") && s.includes("Finished at"), 15_000);
      expect(end).toContain("Tasks (3)");
      expect(end).not.toMatch(/internal error|ERROR/);
      t.write("q");
      expect((await t.exited).status).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "bare async-demo shows the picker; j/k move, Enter starts the highlighted scenario, its end brings the list back",
    async () => {
      const t = launch([]);
      const picker = await t.waitFor((s) => s.includes("pick a scenario"), 20_000);
      expect(picker).toMatch(/› gather\s+gather\(\): run coroutines concurrently/);
      t.write("j");
      await t.waitFor((s) => /› exceptions/.test(s), 20_000);
      // Keys typed together (fast typing, a held key) arrive as one chunk: each one moves.
      t.write("jj");
      await t.waitFor((s) => /› cancel-reraise /.test(s), 20_000);
      t.write(DOWN);
      await t.waitFor((s) => /› shutdown /.test(s), 20_000);
      t.write("kkk");
      await t.waitFor((s) => /› exceptions/.test(s), 20_000);
      t.write("\r");
      const s = await t.waitFor((s) => s.includes("async-demo · exceptions —") && s.includes("Tasks ("), 20_000);
      expect(s).not.toContain("pick a scenario");
      await t.waitFor((s) => s.includes("Finished at"), 30_000);
      t.write("q");
      const again = await t.waitFor((s) => s.includes("pick a scenario"), 20_000);
      expect(again).toMatch(/› exceptions/);
      t.write("q");
      expect((await t.exited).status).toBe(0);
    },
    2 * TIMEOUT,
  );

  it(
    "NO_COLOR=1: no colour codes at all, and the states still read as words",
    async () => {
      const t = launch(["cancel", "--speed", "0.1"], { noColor: true });
      await t.waitFor((s) => /long_running_task\s+Task-2\s+waiting/.test(s));
      t.write("2");
      const s = await t.waitFor((s) => /Task-2\s+done\s+swallowed the cancel/.test(s));
      expect(s).toMatch(/1 ◷ main\s+Task-1\s+waiting/);
      t.write("q");
      await t.exited;
      // SGR foreground/background colours: ESC[3Xm, ESC[4Xm, ESC[9Xm, ESC[10Xm, and 256/true colour ESC[38;…/ESC[48;…
      expect(t.raw()).not.toMatch(new RegExp(`${ESC}\\[(3|4|9|10)\\dm`));
      expect(t.raw()).not.toMatch(new RegExp(`${ESC}\\[[34]8;`));
    },
    TIMEOUT,
  );

  it(
    "NO_COLOR=1: the selected row is still marked (c cancels what you can see)",
    async () => {
      const t = launch(["shutdown", "--speed", "0.1"], { noColor: true });
      await t.waitFor((s) => /long_running_task\s+Task-4\s+waiting/.test(s));
      t.write(" "); // pause: only the selection may change the rows
      await t.waitFor((s) => s.includes("‖ paused"));
      const marked = (screen: string[]) => screen.filter((l) => /^›\d [○▶◷⊘✔✖⊗] /.test(l));
      const before = marked(await settled(t));
      expect(before).toHaveLength(1);
      expect(before[0]).toMatch(/^›1 .*main/);
      t.write(DOWN);
      await sleep(300);
      const after = marked(await settled(t));
      expect(after).toHaveLength(1);
      expect(after[0]).toMatch(/^›2 .*fetch_data/);
      t.write("q");
      await t.exited;
    },
    TIMEOUT,
  );

  it(
    "before any key the first row is the selection: c cancels main at once",
    async () => {
      const t = launch(["cancel", "--speed", "0.1"]);
      await t.waitFor((s) => /long_running_task\s+Task-2\s+waiting/.test(s));
      expect(t.screen().filter((l) => l.startsWith("›"))).toEqual([expect.stringMatching(/^›1 ◷ main/)]);
      t.write("c");
      const s = await t.waitFor((s) => /main\s+Task-1\s+cancelled\s+you asked for it/.test(s));
      expect(s).not.toContain("select a task");
      t.write("q");
      await t.exited;
    },
    TIMEOUT,
  );

  it(
    "? pauses the run while the help is open; q closes the help (it does not quit) and the run plays on",
    async () => {
      const t = launch(["gather", "--speed", "0.2"]);
      await t.waitFor((s) => /process_data\s+Task-3\s+waiting/.test(s));
      const clock = (s: string) => Number(/t=(\d+\.\d+)s/.exec(s)?.[1]);
      t.write("?");
      const before = clock(t.screen().join("\n"));
      await t.waitFor((s) => s.includes("Keys") && s.includes("any key"));
      // 0.6 s of loop time at ×0.2, had the run gone on; the bound leaves the key 1.5 s to reach the
      // dashboard after `before` was read (a loaded machine), and still tells a paused run from one that went on.
      await sleep(3000);
      t.write("q");
      const back = await t.waitFor((s) => s.includes("Tasks (3)"));
      expect(clock(back) - before).toBeLessThan(0.3);
      await t.waitFor((s) => s.includes("▶ running"));
      expect(await stillRunning(t, 500)).toBe(true);
      t.write("q");
      expect((await t.exited).status).toBe(130);
    },
    TIMEOUT,
  );

  it(
    "80×24: the whole lesson of cancel-reraise is on screen after the end, and the key bar ends with the ways out",
    async () => {
      const t = launch(["cancel-reraise", "--speed", "4"], { columns: 80, rows: 24 });
      // The key bar is the frame's last row: the whole final frame has arrived (a screen read mid-write
      // under load had the summary but not yet the key bar).
      const s = await t.waitFor((s) => s.includes("Finished at") && s.includes("q quit (status 0)"), 15_000);
      const text = s.replace(/[│┌┐└┘─]/g, " ").replace(/\s+/g, " ");
      expect(text).toContain(
        "Main also noticed that the task was cancelled'. Compare scenario cancel, where the task swallows it.",
      );
      expect(s.split("\n")[0]).toMatch(/^async-demo · cancel-reraise/);
      expect(s.split("\n").some((l) => l.endsWith("? help · q quit (status 0)"))).toBe(true);
      t.write("q");
      expect((await t.exited).status).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "70×22: a task named in Chinese, prints with emoji and combining marks: no row wraps, the header stays on top, nothing becomes �",
    async () => {
      const file = join(dir, "wide.ts");
      writeFileSync(
        file,
        `import { coroutine, createTask, print, sleep } from "async-demo";
const fetch = coroutine(async function 下载数据很长的名字() {
  print("正在下载数据，请稍候…… 🎉👨‍👩‍👧👍🏽 cafe\u0301 nai\u0308ve 下载数据很长的名字下载数据很长的名字");
  await sleep(0.5);
  print("完成 ✅ 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉");
  return "数据";
});
export default coroutine(async function main() {
  await createTask(fetch(), { name: "下载数据很长的名字" });
});
`,
      );
      const t = launch(["run", file, "--speed", "0.5"], { columns: 70, rows: 22 });
      // The whole final frame, up to its last row (the key bar).
      const s = await t.waitFor((s) => s.includes("Finished at") && s.includes("q quit (status 0)"), 15_000);
      const lines = s.split("\n");
      expect(lines[0]).toMatch(/^async-demo · wide — /);
      expect(s).not.toContain("\uFFFD");
      expect(s).toContain("下载");
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(69);
      // Ink clears the whole screen (and the scrollback) when its frame reaches the terminal's height.
      expect(t.raw()).not.toContain("\u001b[2J");
      t.write("q");
      expect((await t.exited).status).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "resizing 120→80 leaves no stale fragment of the wider frame",
    async () => {
      const t = launch(["shutdown", "--speed", "0.2"], { columns: 120, rows: 30 });
      await t.waitFor((s) => /long_running_task\s+Task-4\s+waiting/.test(s) && s.includes("Python twin"));
      t.resize(80, 30);
      await sleep(300);
      const s = (await settled(t)).join("\n");
      const lines = s.split("\n");
      expect(lines[0]).toMatch(/^async-demo · shutdown/);
      expect(lines.filter((l) => l.startsWith("async-demo · "))).toHaveLength(1);
      expect(lines.filter((l) => l.includes("Tasks (4)"))).toHaveLength(1);
      expect(s).not.toContain("Python twin");
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(79);
      t.write("q");
      await t.exited;
    },
    TIMEOUT,
  );
});
