/**
 * `async-demo run PROGRAM.py` and `SCENARIO --python` without a terminal: every view (--plain, --quiet,
 * --json, --trace), arguments and stdin passed through, scripted commands, CPython's own tracebacks and exit
 * statuses, and the one-line refusals. CPython itself is the reference: the same program under plain
 * CPython (on the virtual clock of test/support/python.ts) must print the same and end with the same status.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scenarios } from "../../scenarios/index.js";
import { resolveParams } from "../../src/session/params.js";
import { cliEnv, expectOneLineError, lastLine, root, runCli, spawnCli, watch } from "../cli/run-cli.js";
import { runPython } from "../support/python.js";
import { examples, programs, pythonEnv, SKIP_WHY, usablePython } from "./cpython.js";

const python = usablePython();
const env = python === null ? {} : pythonEnv(python);
const dir = mkdtempSync(join(tmpdir(), "async-demo-py-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonEvent {
  type: string;
  seq?: number;
  time?: number;
  task?: number | null;
  text?: string;
  [key: string]: unknown;
}

const parseJson = (stdout: string): JsonEvent[] =>
  stdout
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l));

const TUTORIAL = ["run", examples("tutorial.py"), "--instant", "--cancel", "long_running_task@2"];

describe("run PROGRAM.py in every view", () => {
  it("--quiet prints exactly what CPython prints, with the same status", async (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const ours = runCli([...TUTORIAL, "--quiet"], { env });
    const theirs = await runPython(python, examples("tutorial.py"), [], {
      cancels: [{ target: "long_running_task", at: 2 }],
    });
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stdout).toContain("long_running_task was cancelled: closing up");
    expect(ours.status).toBe(theirs.status);
    expect(ours.status).toBe(0);
  });

  it("--json: numbered events, the program's prints as print events, the exit event last", (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const result = runCli([...TUTORIAL, "--json"], { env });
    expect(result.status, result.stderr).toBe(0);
    const events = parseJson(result.stdout);
    expect(events.at(-1)).toEqual({ type: "exit", status: 0 });
    expect(events.slice(0, -1).map((e) => e.seq)).toEqual(events.slice(0, -1).map((_, i) => i + 1));
    const coros = events.filter((e) => e.type === "task-created").map((e) => e.coro);
    expect(coros).toEqual(expect.arrayContaining(["main", "fetch_data", "process_data", "long_running_task"]));
    const prints = events.filter((e) => e.type === "print").map((e) => e.text);
    expect(prints).toEqual([
      "long_running_task was cancelled: closing up",
      "['Data fetched', 'Data processed', CancelledError('')]",
    ]);
    const long = events.find((e) => e.type === "task-created" && e.coro === "long_running_task")?.task;
    expect(events.find((e) => e.type === "task-done" && e.task === long)).toMatchObject({ outcome: "cancelled" });
    expect(events.find((e) => e.type === "cancel-requested" && e.task === long)).toMatchObject({
      cause: "user",
      time: 2,
    });
  });

  it("--plain narrates the run, the program's prints marked »", (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const result = runCli([...TUTORIAL, "--plain"], { env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("» long_running_task was cancelled: closing up");
    expect(result.stdout).toMatch(/long_running_task \(Task-\d\) cancelled/);
  });

  it("--trace writes a Chrome trace with a lane per task", (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const file = join(dir, "tutorial.trace.json");
    const result = runCli([...TUTORIAL, "--quiet", "--trace", file], { env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("long_running_task was cancelled: closing up");
    const trace = JSON.parse(readFileSync(file, "utf8"));
    const names = JSON.stringify(trace);
    for (const coro of ["main", "fetch_data", "process_data", "long_running_task"]) expect(names).toContain(coro);
  });

  it("the producer/consumer example: its arguments after --, Queue waits named as sync waits", async (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const file = examples("producer_consumer.py");
    const result = runCli(["run", file, "--instant", "--json", "--", "4"], { env });
    expect(result.status, result.stderr).toBe(0);
    const events = parseJson(result.stdout);
    const prints = events.filter((e) => e.type === "print").map((e) => e.text);
    const theirs = await runPython(python, file, ["4"]);
    expect(prints.join("\n")).toBe(theirs.stdout.trimEnd());
    expect(prints).toContain("put job 4");
    const waits = new Set(events.filter((e) => e.type === "suspend").map((e) => JSON.stringify(e.awaiting)));
    expect([...waits].some((w) => w.includes('"kind":"sync"') && w.includes("Queue.get()"))).toBe(true);
  });

  it("a program using a thread runs on real time, says so, and prints what CPython prints", (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const file = examples("thread_timeout.py");
    const ours = runCli(["run", file, "--plain", "--instant"], { env });
    const theirs = spawnSync(python.executable, [file], { encoding: "utf8", env: cliEnv() });
    expect(ours.status, ours.stderr).toBe(theirs.status);
    const prints = ours.stdout
      .split("\n")
      .filter((l) => l.includes("» "))
      .map((l) => l.slice(l.indexOf("» ") + 2));
    expect(prints.join("\n")).toBe(theirs.stdout.trimEnd());
    expect(ours.stderr).toMatch(/real time/);
  });

  it("arguments after -- reach sys.argv; sys.path[0] is the program's directory", (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const result = runCli(["run", programs("argv.py"), "--quiet", "--", "a b", "--json", "-x"], { env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe("['a b', '--json', '-x']\nTrue\n");
  });

  it("stdin passes through to the program outside the dashboard", (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    for (const view of ["--quiet", "--plain", "--json"]) {
      const result = spawnSync(process.execPath, ["bin/async-demo", "run", programs("echo_stdin.py"), view], {
        cwd: root,
        env: cliEnv(env),
        input: "hello from stdin\n",
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.status, `${view}: ${result.stderr}`).toBe(0);
      expect(result.stdout, view).toContain("read: 'hello from stdin'");
    }
  });
});

describe("SCENARIO --python: the built-in scenario's twin on CPython", () => {
  it("cancel --python --quiet prints what the TypeScript scenario prints", (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const ours = runCli(["cancel", "--python", "--instant", "--quiet"], { env });
    const ts = runCli(["cancel", "--instant", "--quiet"]);
    expect(ours.stdout).toBe(ts.stdout);
    expect(ours.status).toBe(ts.status);
  });

  it("cancel --python --json carries the scenario's hints, computed from CPython's events", (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const result = runCli(["cancel", "--python", "--instant", "--json"], { env });
    expect(result.status, result.stderr).toBe(0);
    const hints = parseJson(result.stdout).filter((e) => typeof e.hint === "string");
    expect(hints.map((e) => e.hint)).toContain(
      "long_running_task swallowed the cancellation: it ends normally, so `await task` returns None instead of raising",
    );
  });

  it("--set, --seed, --cancel and --interrupt-at reach the twin", async (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const swarm = scenarios.find((s) => s.name === "swarm")!;
    const ours = runCli(["swarm", "--python", "--instant", "--quiet", "--set", "tasks=50", "--seed", "3"], { env });
    const params = JSON.stringify(resolveParams(swarm, ["tasks=50", "seed=3"]));
    const theirs = await runPython(python, join(root, "scenarios", "swarm.py"), [params]);
    expect(ours.stdout).toBe(theirs.stdout);
    const interrupted = runCli(["shutdown-reraise", "--python", "--instant", "--interrupt-at", "0.5", "--quiet"], {
      env,
    });
    expect(interrupted.status).toBe(130);
    expect(lastLine(interrupted.stderr)).toBe("KeyboardInterrupt");
    const cancelled = runCli(["shutdown-reraise", "--python", "--instant", "--cancel", "long_running_task@0.5"], {
      env,
    });
    expect(cancelled.status).toBe(1);
    expect(lastLine(cancelled.stderr)).toBe("asyncio.exceptions.CancelledError");
  });
});

describe("signals reach the program as CPython would get them", () => {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const gone = async (pid: number) => {
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    return !alive(pid);
  };

  it("SIGINT: one Ctrl-C, asyncio.run's handler cancels main, the cleanup prints, status 130", async (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const child = spawnCli(["run", examples("tutorial.py"), "--plain"], env);
    const run = watch(child);
    // Once every task is parked on its sleep, asyncio.run's handler is in place.
    await run.waitFor(/long_running_task \(Task-4\) waits: sleep 60\.0s/, () => child.kill("SIGINT"));
    const result = await run.exit;
    expect(result.status, result.stderr).toBe(130);
    expect(result.stdout).toMatch(/» long_running_task: cancel\(\) returns False\n.*» Cleaned up\n/);
    expect(lastLine(result.stderr)).toBe("KeyboardInterrupt");
  });

  for (const [signal, status] of [
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    it(`${signal} ends the program (status ${status}), leaving nothing running`, async (ctx) => {
      if (python === null) return ctx.skip(SKIP_WHY);
      const pidFile = join(dir, `pid-${signal}`);
      const child = spawnCli(["run", programs("pid_then_wait.py"), "--plain", "--", pidFile], env);
      const run = watch(child);
      await run.waitFor(/» waiting/);
      const pid = Number(readFileSync(pidFile, "utf8"));
      child.kill(signal);
      const result = await run.exit;
      expect(result.status).toBe(status);
      expect(await gone(pid)).toBe(true);
    });
  }
});

describe("bad input", () => {
  it("an uncaught exception: CPython's own traceback and status", (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const file = programs("raises.py");
    const ours = runCli(["run", file, "--plain", "--instant"], { env });
    const theirs = spawnSync(python.executable, [file], { encoding: "utf8", env: cliEnv() });
    expect(ours.status).toBe(theirs.status);
    expect(ours.status).toBe(1);
    expect(lastLine(ours.stderr)).toBe("ValueError: boom");
    // The traceback is the program's: no frame of the probe or of runpy.
    expect(ours.stderr).not.toMatch(/async_demo_probe|probe\.py|runpy/);
    expect(ours.stderr).toContain(`File "${file}", line 6, in work`);
  });

  it("a syntax error: CPython's own message and status", (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const file = programs("syntax_error.py");
    const ours = runCli(["run", file, "--quiet"], { env });
    const theirs = spawnSync(python.executable, [file], { encoding: "utf8", env: cliEnv() });
    expect(ours.status).toBe(theirs.status);
    expect(lastLine(ours.stderr)).toBe(lastLine(theirs.stderr));
    expect(ours.stdout).toBe("");
  });

  it("a program that brings its own loop: one warning that its tasks are invisible, and it still runs", (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const result = runCli(["run", programs("own_loop.py"), "--plain", "--instant"], { env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("» ran on its own loop");
    expect(result.stdout).toContain("» 42");
    const warnings = result.stderr.split("\n").filter((l) => /loop/.test(l));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/invisible/);
  });

  it("--set and --seed are for scenarios: a Python program takes its arguments after --", (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    expectOneLineError(runCli(["run", programs("argv.py"), "--set", "a=1"], { env }), 2, "after --");
    expectOneLineError(runCli(["run", programs("argv.py"), "--seed", "1"], { env }), 2, "after --");
  });

  it("no usable Python: one line naming ASYNC_DEMO_PYTHON and the version needed, status 2", () => {
    const result = runCli(["run", programs("argv.py")], {
      env: { ASYNC_DEMO_PYTHON: "/nowhere/python3", PATH: dir },
    });
    expectOneLineError(result, 2, /ASYNC_DEMO_PYTHON.*3\.12/);
  });

  it("a Python too old is refused the same way", () => {
    // A stand-in that answers async-demo's question as CPython 3.11 does (the real one may not be installed).
    const old = join(dir, "python3.11");
    writeFileSync(old, "#!/bin/sh\necho /opt/python3.11/bin/python3.11; echo 3.11.7; echo cpython\n");
    chmodSync(old, 0o755);
    const result = runCli(["run", programs("argv.py")], { env: { ASYNC_DEMO_PYTHON: old, PATH: dir } });
    expectOneLineError(result, 2, /ASYNC_DEMO_PYTHON=.*python3\.11 is 3\.11\.7.*3\.12 or newer/);
  });
});
