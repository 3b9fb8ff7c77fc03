/**
 * Acceptance of the CPython engine in a pseudo-terminal: the real binary runs a Python program on the
 * dashboard. A key cancels a sleeping task (the program's own `except CancelledError` output appears), `x`
 * raises where a task waits, Ctrl-C is a real SIGINT (asyncio.run's handling runs the program's cleanup on
 * screen) and the exit status is the one CPython gives; the screen says what differs from a built-in run.
 */
import { describe, expect, it } from "vitest";
import { type Terminal, terminalLauncher } from "../support/pty.js";
import { examples, pythonEnv, SKIP_WHY, usablePython } from "./cpython.js";

const SHOW_CURSOR = "\u001b[?25h";
const CTRL_C = "\u0003";
const TIMEOUT = 60_000;

const python = usablePython();
const spawn = terminalLauncher({ noColor: true, env: python === null ? {} : pythonEnv(python) });
const launch = (args: string[], columns = 110, rows = 32): Terminal => spawn(args, { columns, rows });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The row number of the task running `coro`, once the screen shows it waiting. */
async function waitingRow(t: Terminal, coro: string): Promise<string> {
  const re = new RegExp(`(\\d) ◷ [└├│ ]*${coro}\\s+Task-\\d+\\s+waiting`);
  const screen = await t.waitFor((s) => re.test(s), 20_000);
  return re.exec(screen)?.[1] as string;
}

/** The exit, leaving with q if the dashboard stays on the finished run. */
async function quitAfterEnd(t: Terminal): Promise<number> {
  const first = await Promise.race([t.exited, sleep(1500).then(() => null)]);
  if (first !== null) return first.status;
  t.write("q");
  return (await t.exited).status;
}

describe("a Python program on the dashboard", () => {
  it(
    "a number key cancels the sleeping task: its except CancelledError prints, the run goes on, exit status 0",
    async (ctx) => {
      if (python === null) return ctx.skip(SKIP_WHY);
      const t = launch(["run", examples("tutorial.py")]);
      const row = await waitingRow(t, "long_running_task");
      expect(t.screen().join("\n")).toMatch(/long_running_task\s+Task-\d+\s+waiting\s+sleep 60\.0s/);
      t.write(row);
      const s = await t.waitFor((s) => s.includes("» long_running_task was cancelled: closing up"));
      expect(s).toMatch(/long_running_task\s+Task-\d+\s+cancell/);
      const end = await t.waitFor((s) => s.includes("» ['Data fetched', 'Data processed', CancelledError('')]"));
      expect(end).toMatch(/main\s+Task-\d+\s+done/);
      expect(await quitAfterEnd(t)).toBe(0);
      expect(t.raw().endsWith(SHOW_CURSOR)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "Ctrl-C is asyncio.run's: main's cleanup runs on screen, then CPython's KeyboardInterrupt and status 130",
    async (ctx) => {
      if (python === null) return ctx.skip(SKIP_WHY);
      const t = launch(["run", examples("tutorial.py")]);
      await waitingRow(t, "long_running_task");
      t.write(CTRL_C);
      expect(await quitAfterEnd(t)).toBe(130);
      // The frames drawn before the end (the traceback printed after them may scroll them off the screen).
      const frames = t.raw();
      expect(frames).toContain("» Cleaned up");
      // gather forwarded the cancel to every task before main's except ran: each cancel() returns False.
      expect(frames).toContain("» long_running_task: cancel() returns False");
      expect(frames).toContain("» long_running_task was cancelled: closing up");
      // The program's own traceback, printed once the terminal is given back.
      expect(
        t
          .screen()
          .filter((l) => l.trim() !== "")
          .at(-1),
      ).toBe("KeyboardInterrupt");
      expect(t.raw()).toContain("During handling of the above exception, another exception occurred:");
    },
    TIMEOUT,
  );

  it(
    "x raises an exception in the task where it waits; gather(return_exceptions=True) collects it",
    async (ctx) => {
      if (python === null) return ctx.skip(SKIP_WHY);
      const t = launch(["run", examples("tutorial.py")]);
      const row = await waitingRow(t, "long_running_task");
      // Select the row without cancelling it: ↓ from the top until it is selected.
      for (let i = 1; i < Number(row); i++) t.write("\u001b[B");
      await t.waitFor((s) => new RegExp(`›${row} ◷`).test(s));
      t.write("x");
      const s = await t.waitFor((s) => /» \['Data fetched', 'Data processed', RuntimeError\(/.test(s));
      expect(s).toMatch(/long_running_task\s+Task-\d+\s+failed|long_running_task\s+Task-\d+\s+.*RuntimeError/);
      expect(await quitAfterEnd(t)).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "a key given after stepping back branches the run: CPython replays it to there, then the cancel acts",
    async (ctx) => {
      if (python === null) return ctx.skip(SKIP_WHY);
      const t = launch(["run", examples("tutorial.py")]);
      const row = await waitingRow(t, "long_running_task");
      t.write(" ");
      await t.waitFor((s) => /‖ paused/.test(s));
      // One event back: long_running_task has started by then (it parks on its sleep within that step), so
      // the cancel reaches its except block. Two back, it would not have started: CPython then cancels it
      // before its first step, and its body never runs.
      t.write("b");
      await t.waitFor((s) => /◀ event \d+\/\d+/.test(s));
      t.write(row);
      const s = await t.waitFor(
        (s) => /⑂ branched at event \d+/.test(s) && /cancel requested for long_running_task/.test(s),
      );
      expect(s).toContain("you asked for it");
      t.write(" ");
      await t.waitFor((s) => s.includes("» long_running_task was cancelled: closing up"));
      await t.waitFor((s) => s.includes("» ['Data fetched', 'Data processed', CancelledError('')]"));
      expect(await quitAfterEnd(t)).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "a run that went on real time (a thread) cannot branch: a key given in its history says why",
    async (ctx) => {
      if (python === null) return ctx.skip(SKIP_WHY);
      const t = launch(["run", examples("thread_timeout.py")]);
      await t.waitFor((s) => s.includes("» timed out after 1 s: the thread keeps running"), 20_000);
      t.write(" ");
      await t.waitFor((s) => /‖ paused/.test(s));
      t.write("b");
      t.write("b");
      t.write("b");
      await t.waitFor((s) => /◀ event \d+\/\d+/.test(s));
      t.write("c");
      const s = await t.waitFor((s) => /real time/.test(s));
      expect(s).not.toMatch(/⑂ branched/);
      t.write("q");
      await t.exited;
    },
    TIMEOUT,
  );

  it(
    "step back works through the recorded events of a finished run",
    async (ctx) => {
      if (python === null) return ctx.skip(SKIP_WHY);
      const t = launch(["run", examples("tutorial.py"), "--instant", "--cancel", "long_running_task@1.5"]);
      await t.waitFor((s) => s.includes("exit status 0"));
      t.write("b");
      await t.waitFor((s) => /◀ event \d+\/\d+/.test(s));
      t.write("q");
      expect((await t.exited).status).toBe(0);
    },
    TIMEOUT,
  );
});
