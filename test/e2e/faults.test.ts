/**
 * Faults the program survives: a scenario that never gives control back, a
 * step of seconds, an error outside any task, signals in both modes, a closed
 * stdin. Whatever happens the program ends promptly, with a clear message,
 * the documented status, and (in a terminal) the cursor shown again.
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
      expect(performance.now() - sent).toBeLessThan(3000);
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
      expect(run.ms).toBeLessThan(3000);
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

  it("an error outside any task: one clear report, status 1, nothing printed twice", async () => {
    const run = await runCli(["run", REJECT, "--quiet", "--instant"]);
    expect(run.status).toBe(1);
    expect(run.stdout.match(/starting/g)).toHaveLength(1);
    expect(run.stderr).toContain("error outside any task");
    expect(run.stderr.trimEnd().split("\n").at(-1)).toBe("Exception: nobody handles me");
  });
});

describe("what a scenario leaves behind", () => {
  it("a coroutine never awaited, a promise that never settles, a timer of a minute: the run ends at once, status 0, one warning", async () => {
    const run = await runCli(["run", LEAVES, "--plain", "--instant"]);
    expect(run.status).toBe(0);
    expect(run.ms).toBeLessThan(10_000);
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
    // timeout's slow_operation cleans up for 0.5 s of loop time (5 s at ×0.1) after the first SIGINT.
    const child = await runCli(["timeout", "--plain", "--speed", "0.1", "--interrupt-at", "0.2"], {
      signal: "SIGINT",
      ready: /slow_operation: cancelled, cleaning up/,
    });
    expect(child.status).toBe(130);
    expect(child.ms).toBeLessThan(2000);
  });

  it("with stdin closed, a run still completes normally", async () => {
    const run = await runCli(["gather", "--quiet", "--instant"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("['Data fetched', 'Data processed']\ntook 1.0 s, not 2.0 s: the sleeps overlapped\n");
  });
});
