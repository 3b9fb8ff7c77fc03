/**
 * Faults the program survives: a scenario that never gives control back, a
 * step of seconds, an error outside any task, signals in both modes, a closed
 * stdin. Whatever happens the program ends promptly, with a clear message,
 * the documented status, and (in a terminal) the cursor shown again.
 *
 * No tight wall-clock bounds (the machine may be busy): "at once" is shown by
 * what did not happen yet (the cleanup's later lines), and a time bound only
 * separates "ended" from "waited minutes", with margins of several seconds.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { spawnTerminal, type Terminal } from "../support/pty.js";

const BIN = fileURLToPath(new URL("../../bin/async-demo", import.meta.url));
const SHOW_CURSOR = "\u001b[?25h";
const TIMEOUT = 20_000;

const dir = mkdtempSync(join(tmpdir(), "async-demo-faults-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function userFile(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

const SPIN = userFile(
  "spin.ts",
  `import { coroutine, createTask, print, sleep } from "async-demo";
const spin = coroutine(async function spin() {
  await sleep(0.2);
  print("spinning without ever awaiting");
  for (;;) {}
});
export default coroutine(async function main() {
  const t = createTask(spin());
  await sleep(10);
  await t;
});
`,
);

const SLOW_STEP = userFile(
  "slow-step.ts",
  `import { coroutine, print, sleep } from "async-demo";
export default coroutine(async function main() {
  await sleep(0.1);
  const until = Date.now() + 400;
  while (Date.now() < until) {}
  print("the busy step is over");
  await sleep(0.1);
});
`,
);

const REJECT = userFile(
  "reject.ts",
  `import { coroutine, print, sleep } from "async-demo";
export default coroutine(async function main() {
  print("starting");
  Promise.reject(new Error("nobody handles me"));
  await sleep(1);
  print("still running");
});
`,
);

const THROW_IN_TIMER = userFile(
  "throw-in-timer.ts",
  `import { coroutine, print, sleep } from "async-demo";
export default coroutine(async function main() {
  print("starting");
  setTimeout(() => { throw new Error("thrown in a plain timer"); }, 0);
  await sleep(60);
  print("never printed");
});
`,
);

// README's known difference: inside \`coroutine(async function walk…)\` the name walk is the plain async function.
const RECURSIVE_NAME = userFile(
  "recursive-name.ts",
  `import { coroutine, gather, print, sleep } from "async-demo";
const walk = coroutine(async function walk(n: number): Promise<number> {
  if (n === 0) return 0;
  const [below] = await gather(walk(n - 1), sleep(0.1));
  return 1 + below;
});
export default coroutine(async function main() {
  print(await walk(3));
});
`,
);

const LEAVES = userFile(
  "leaves.ts",
  `import { coroutine, print, sleep } from "async-demo";
const fetchData = coroutine(async function fetch_data() {
  await sleep(1);
});
export default coroutine(async function main() {
  fetchData();
  new Promise(() => {});
  void new Promise((resolve) => setTimeout(resolve, 60_000));
  print("done without awaiting them");
});
`,
);

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from `signalAt` (or start) to exit. */
  ms: number;
}

/** Run the CLI (not in a terminal); send `signal` once `ready` matches stdout (after `delayMs`). */
function runCli(
  args: string[],
  options: { signal?: NodeJS.Signals; ready?: RegExp; delayMs?: number } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
    delete env.CI;
    delete env.FORCE_COLOR;
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let from = performance.now();
    let sent = false;
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (options.signal && !sent && options.ready?.test(stdout)) {
        sent = true;
        setTimeout(() => {
          from = performance.now();
          child.kill(options.signal);
        }, options.delayMs ?? 0);
      }
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("exit", (status, signal) => resolve({ status, signal, stdout, stderr, ms: performance.now() - from }));
  });
}

const terminals: Terminal[] = [];
function launch(args: string[]): Terminal {
  const t = spawnTerminal(args, { columns: 100, rows: 30 });
  terminals.push(t);
  return t;
}
afterEach(() => {
  for (const t of terminals.splice(0)) {
    try {
      t.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
});

describe("a scenario that never gives control back", () => {
  it(
    "dashboard: the notice says so, Ctrl-C ends the program within about a second (130), cursor shown",
    async () => {
      const t = launch(["run", SPIN]);
      await t.waitFor((s) => s.includes("held the loop") && s.includes("without awaiting"), 10_000);
      const sent = performance.now();
      t.write("\u0003");
      const { status } = await t.exited;
      // It spins forever: ending at all is the point; about a second on an idle machine, more on a busy one.
      expect(performance.now() - sent).toBeLessThan(12_000);
      expect(status).toBe(130);
      expect(t.raw().endsWith(SHOW_CURSOR)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "plain: a warning while it spins; SIGINT ends it within about a second, status 130",
    async () => {
      const run = await runCli(["run", SPIN, "--plain"], { signal: "SIGINT", ready: /spinning/, delayMs: 1500 });
      expect(run.status).toBe(130);
      expect(run.ms).toBeLessThan(12_000);
      expect(run.stderr).toContain("has not given control back");
      expect(run.stderr).toContain("so it was stopped");
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
    TIMEOUT,
  );
});

describe("steps and errors", () => {
  it("a step of 400 ms is reported as blocking the loop, and the run goes on", async () => {
    const run = await runCli(["run", SLOW_STEP, "--plain", "--instant"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/warning: main \(Task-1\) held the loop for \d+ ms without awaiting/);
    expect(run.stdout).toContain("» the busy step is over");
  });

  it("a promise rejected that nobody handles is a warning (asyncio's 'exception never retrieved'): the run goes on, status 0", async () => {
    const run = await runCli(["run", REJECT, "--quiet", "--instant"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("starting\nstill running\n");
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(
        /^warning: a promise nobody awaited was rejected .*Exception: nobody handles me — File ".*reject\.ts", line 4, in main$/,
      ),
    ]);
  });

  it("a throw in a plain timer ends the run: one clear report, status 1, nothing after it", async () => {
    // Paced: the plain timer fires while main sleeps (an instant run would be over first).
    const run = await runCli(["run", THROW_IN_TIMER, "--json", "--speed", "1"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error outside any task (uncaughtException)");
    expect(run.stderr.trimEnd().split("\n").at(-1)).toBe("Exception: thrown in a plain timer");
    const lines = run.stdout.trimEnd().split("\n");
    expect(JSON.parse(lines.at(-1) as string)).toEqual({ type: "exit", status: 1 });
    expect(run.stdout).not.toContain("never printed");
    // The aborted run's own shutdown says nothing (no warning about run()'s internal coroutines).
    expect(run.stdout).not.toContain("shutdown_asyncgens");
  });

  describe("a recursive call of a coroutine's own function name (README's known difference)", () => {
    it("--json: main fails with the TypeError, the exit line is the last, nothing internal leaks", async () => {
      const run = await runCli(["run", RECURSIVE_NAME, "--json", "--instant"]);
      expect(run.status).toBe(1);
      const events = run.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(events.at(-1)).toEqual({ type: "exit", status: 1 });
      expect(events.at(-2)).toMatchObject({ type: "run-end", outcome: "exception" });
      expect(events.find((e) => e.type === "task-done" && e.task === 1)?.value).toMatch(/^TypeError\(/);
      const warnings = events.filter((e) => e.type === "warning").map((e) => e.text);
      expect(warnings.join("\n")).not.toMatch(/shutdown_asyncgens|shutdown_default_executor/);
      expect(run.stderr.trimEnd().split("\n").at(-1)).toMatch(/^TypeError: .*Promise/);
    });

    it("--plain: the run ends on its own, the lesson is the last thing on stdout, no error outside any task", async () => {
      const run = await runCli(["run", RECURSIVE_NAME, "--plain", "--instant"]);
      expect(run.status).toBe(1);
      expect(run.stdout).not.toContain("stopped before it ended");
      expect(run.stdout).toMatch(/main raised TypeError\(.*exit status 1\./);
      expect(run.stdout.trimEnd().split("\n").at(-1)).toMatch(/^Lesson: /);
      expect(run.stderr).not.toContain("error outside any task");
      expect(run.stderr).not.toContain("shutdown_asyncgens");
      expect(run.stderr).toMatch(/^warning: a promise nobody awaited was rejected/m);
      expect(run.stderr.trimEnd().split("\n").at(-1)).toMatch(/^TypeError: .*Promise/);
    });
  });
});

describe("what a scenario leaves behind", () => {
  it("a coroutine never awaited, a promise that never settles, a timer of a minute: the run ends at once, status 0, one warning", async () => {
    const run = await runCli(["run", LEAVES, "--plain", "--instant"]);
    expect(run.status).toBe(0);
    // Far below the minute the timer would keep a process waiting for it.
    expect(run.ms).toBeLessThan(30_000);
    expect(run.stdout).toContain("» done without awaiting them");
    expect(run.stdout.match(/coroutine 'fetch_data' was never awaited/g)).toHaveLength(1);
    expect(run.stderr).toBe("");
  });
});

describe("signals", () => {
  it(
    "dashboard: SIGHUP (terminal closed) leaves at once with 129, cursor shown",
    async () => {
      const t = launch(["shutdown", "--speed", "0.2"]);
      await t.waitFor((s) => /long_running_task\s+Task-4\s+waiting/.test(s));
      t.kill("SIGHUP");
      const { status } = await t.exited;
      expect(status).toBe(129);
      expect(t.raw()).toContain(SHOW_CURSOR);
    },
    TIMEOUT,
  );

  it(
    "dashboard: SIGTERM during the cleanup phase exits at once with 143",
    async () => {
      const t = launch(["timeout", "--speed", "0.1"]);
      await t.waitFor((s) => /main\s+Task-1\s+waiting/.test(s));
      t.write("\u0003");
      await t.waitFor((s) => s.includes("» slow_operation: cancelled, cleaning up"));
      t.kill("SIGTERM");
      const { status } = await t.exited;
      expect(status).toBe(143);
      expect(t.raw()).toContain(SHOW_CURSOR);
    },
    TIMEOUT,
  );

  it("plain: SIGINT during the cleanup phase is the second interrupt: exit at once, 130", async () => {
    // timeout's slow_operation cleans up for 0.5 s of loop time (10 s at ×0.05) after the first SIGINT:
    // exiting at once means the cleanup never finished.
    const child = await runCli(["timeout", "--plain", "--speed", "0.05", "--interrupt-at", "0.01"], {
      signal: "SIGINT",
      ready: /slow_operation: cancelled, cleaning up/,
    });
    expect(child.status).toBe(130);
    // CPython's second Ctrl-C: KeyboardInterrupt out of the loop at once, the cleanup cut short.
    expect(child.stdout).toContain("Ctrl-C again (2)");
    expect(child.stdout).not.toContain("cleanup done");
  });

  it("with stdin closed, a run still completes normally", async () => {
    const run = await runCli(["gather", "--quiet", "--instant"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("['Data fetched', 'Data processed']\ntook 1.0 s, not 2.0 s: the sleeps overlapped\n");
  });
});
