// Pause, step and history in the real dashboard (issue 12, bugs 1, 2, 4, 5): what the screen shows is true
// — the clock, the history position — and a key acts on what is displayed. Run in a pseudo-terminal.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { terminalLauncher } from "../support/pty.js";

const CTRL_C = "\u0003";
const TIMEOUT = 60_000;
/** Generous waits: the machine may be busy; a fixed bug shows within a second or two. */
const WAIT = 20_000;

beforeAll(() => {
  if (!existsSync(fileURLToPath(new URL("../../dist/src/cli.js", import.meta.url)))) {
    throw new Error("dist/ is missing: run `npm run build` before the e2e tests");
  }
});

const launch = terminalLauncher({ columns: 120, rows: 40, noColor: true });

/** The loop time in the header (`t=0.53s`). */
function headerTime(screen: string): number {
  const m = /t=(\d+\.\d+)s/.exec(screen);
  if (m === null) throw new Error(`no time in the header:\n${screen}`);
  return Number(m[1]);
}

const headerLine = (screen: string) => screen.split("\n").find((l) => /^t=\d/.test(l)) ?? "";

describe("the dashboard's history", () => {
  it(
    "bug 1: gather --speed 0.2, n, space: the run plays on to its end (the view does not freeze)",
    async () => {
      const t = launch(["gather", "--speed", "0.2"]);
      await t.waitFor((s) => /process_data\s+Task-3\s+waiting/.test(s), WAIT);
      t.write("n");
      await t.waitFor((s) => s.includes("paused"), WAIT);
      t.write(" ");
      const end = await t.waitFor((s) => s.includes("exit status 0"), WAIT);
      expect(headerLine(end)).toContain("done");
      expect(headerLine(end)).not.toContain("◀ event");
      t.write("q");
      expect((await t.exited).status).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "bug 2: cancel --speed 0.2, space during the first sleep: the clock shown is the loop's, not the last event's 0.00",
    async () => {
      const t = launch(["cancel", "--speed", "0.2"]);
      const playing = await t.waitFor((s) => /t=0\.[3-9]\ds/.test(s), WAIT);
      const before = headerTime(playing);
      t.write(" ");
      const paused = await t.waitFor((s) => headerLine(s).includes("paused"), WAIT);
      const shown = headerTime(paused);
      expect(shown).toBeGreaterThanOrEqual(before);
      expect(shown).toBeLessThan(1);
      // The sleep bar agrees with the header: main's 1 s sleep has less than 1 s left.
      const left = /main\s+Task-1\s+waiting\s+sleep 1\.0s \S+ (\d\.\d\d)s left/.exec(paused);
      expect(left, paused).not.toBeNull();
      expect(Number(left?.[1])).toBeCloseTo(1 - shown, 1);
      // Still the same a moment later: paused means the clock stands.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(headerTime(t.screen().join("\n"))).toBe(shown);
    },
    TIMEOUT,
  );

  it(
    "bug 4: after the end, back to event 8 (process_data pending), cancel it: the run branches from there and says so",
    async () => {
      const t = launch(["gather", "--instant"]);
      await t.waitFor((s) => s.includes("exit status 0"), WAIT);
      t.write("b".repeat(17)); // 25 events → event 8
      const back = await t.waitFor((s) => s.includes("◀ event 8/25"), WAIT);
      expect(back).toMatch(/process_data\s+Task-3\s+pending/);
      t.write("3");
      const branched = await t.waitFor(
        (s) => s.includes("branched at event 8") && /process_data\s+Task-3\s+pending.*cancel requested/.test(s),
        WAIT,
      );
      expect(branched).not.toContain("already done");
      t.write(" ");
      const end = await t.waitFor((s) => s.includes("exit status 1"), WAIT);
      expect(end).toMatch(/process_data\s+Task-3\s+cancelled/);
      t.write("q");
      expect((await t.exited).status).toBe(1);
    },
    TIMEOUT,
  );

  it(
    "bug 5: exceptions --speed 0.2, b, Ctrl-C: the view comes back to live and the cleanup shows before 130",
    async () => {
      const t = launch(["exceptions", "--speed", "0.2"]);
      await t.waitFor((s) => /task_that_fails\s+Task-3\s+waiting/.test(s), WAIT);
      t.write("b");
      await t.waitFor((s) => s.includes("◀ event"), WAIT);
      t.write(CTRL_C);
      // After a Ctrl-C key the dashboard stays on the finished cleanup (issue 12 item 12) until q.
      const last = await t.waitFor((s) => s.includes("Finished at") && s.includes("q quit (status 130)"), WAIT);
      expect(last).toContain("Ctrl-C: run() cancels the main task");
      expect(last).toMatch(/main\s+Task-1\s+cancelled/);
      expect(last).not.toContain("◀ event");
      t.write("q");
      const { status } = await t.exited;
      expect(status).toBe(130);
    },
    TIMEOUT,
  );
});
