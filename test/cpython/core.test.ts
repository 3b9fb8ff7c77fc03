/**
 * The CPython engine's core against the real probe, without a terminal: commands act and are recorded at
 * their loop positions, a replay to an earlier event reproduces the run event for event (also through a
 * real Ctrl-C), and a run that cannot be reproduced says why instead of branching.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PythonCore } from "../../src/cli/python/python-core.js";
import { probePath } from "../../src/cli/python-host.js";
import type { RuntimeEvent } from "../../src/runtime/runtime-events.js";
import type { CoreCommand, CoreSink } from "../../src/session/core.js";
import { examples, SKIP_WHY, usablePython } from "./cpython.js";

const python = usablePython();
const dir = mkdtempSync(join(tmpdir(), "async-demo-core-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A sink that keeps what it is told, and can wait for an event. */
function recorder() {
  let events: RuntimeEvent[] = [];
  const warnings: string[] = [];
  const notices: string[] = [];
  const waiters: { test: (e: RuntimeEvent) => boolean; resolve: (e: RuntimeEvent) => void }[] = [];
  const sink: CoreSink & { warning(t: string): void; notice(t: string): void } = {
    reset: () => {
      events = [];
    },
    event: (event) => {
      events.push(event);
      for (const w of [...waiters]) {
        if (w.test(event)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(event);
        }
      }
    },
    output: () => {},
    errorOutput: () => {},
    warning: (text) => warnings.push(text),
    notice: (text) => notices.push(text),
  };
  const next = (test: (e: RuntimeEvent) => boolean) =>
    new Promise<RuntimeEvent>((resolve) => {
      const found = events.find(test);
      if (found) resolve(found);
      else waiters.push({ test, resolve });
    });
  return { sink, events: () => events, warnings, notices, next };
}

function core(program: string, sink: CoreSink, speed = 1) {
  if (python === null) throw new Error("no python");
  return new PythonCore(
    {
      launch: {
        executable: python.executable,
        probe: probePath(),
        program,
        args: [],
        env: ENV,
        stdin: "empty",
        stdout: "drop",
        stderr: "capture",
      },
      replays: true,
    },
    { params: {}, speed },
    sink,
    true,
  );
}

/** The environment a user's shell gives (vitest sets FORCE_COLOR=0, which makes CPython 3.13 colour tracebacks). */
const ENV: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", PYTHONHASHSEED: "1" };
delete ENV.FORCE_COLOR;

const parked = (id: number) => (e: RuntimeEvent) => e.type === "suspend" && e.task === id;
const until = (condition: () => boolean) =>
  new Promise<void>((resolve) => {
    const poll = () => (condition() ? resolve() : setTimeout(poll, 20));
    poll();
  });
const strip = (events: RuntimeEvent[]) => events.map((e) => JSON.stringify(e));

describe("the CPython core", () => {
  it("a cancel acts where it was given; a replay to an event after it reproduces the run, event for event", async (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const r = recorder();
    const c = core(examples("tutorial.py"), r.sink);
    const done = c.start();
    // long_running_task (task 4) parks on its 60 s sleep at t=0; the paced clock then waits 1 s for fetch_data.
    await r.next(parked(4));
    c.send({ kind: "cancel", task: 4 } satisfies CoreCommand);
    c.send({ kind: "speed", speed: Number.POSITIVE_INFINITY });
    const result = await done;
    expect(result.status).toBe(0);
    const original = r.events();
    const cancel = original.find((e) => e.type === "cancel-requested" && e.task === 4);
    expect(cancel).toMatchObject({ cause: "user" });
    const target = original.findIndex((e) => e.type === "print" && e.text.startsWith("['Data fetched'")) + 1;
    expect(target).toBeGreaterThan(cancel!.seq as number);

    // Replay (a branch after the end): the same program, the cancel at its recorded position.
    let paused = false;
    const again = c.start({ at: target, paused: () => (paused = true) });
    await r.next((e) => e.seq === target);
    await until(() => paused);
    expect(c.cannotBranch()).toBeUndefined();
    expect(strip(r.events().slice(0, target))).toEqual(strip(original.slice(0, target)));
    c.send({ kind: "resume" });
    expect((await again).status).toBe(0);
    expect(strip(r.events())).toEqual(strip(original));
  }, 60_000);

  it("a real Ctrl-C is recorded where asyncio.run's handler took it, and replayed there", async (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const r = recorder();
    const c = core(examples("tutorial.py"), r.sink);
    const done = c.start();
    await r.next(parked(4));
    c.send({ kind: "interrupt", signal: "SIGINT" });
    const result = await done;
    expect(result.status).toBe(130);
    expect(result.traceback?.split("\n").at(-1)).toBe("KeyboardInterrupt");
    const original = r.events();
    expect(original.some((e) => e.type === "interrupt")).toBe(true);
    const target = original.length - 1;
    let paused = false;
    const again = c.start({ at: target, paused: () => (paused = true) });
    await r.next((e) => e.seq === target);
    expect(strip(r.events().slice(0, target))).toEqual(strip(original.slice(0, target)));
    await until(() => paused);
    c.send({ kind: "resume" });
    expect((await again).status).toBe(130);
    expect(strip(r.events())).toEqual(strip(original));
  }, 60_000);

  it("a program that does not repeat itself: the replay says so, and the core stops offering to branch", async (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const program = join(dir, "random_sleep.py");
    writeFileSync(
      program,
      "import asyncio, os\n\nasync def nap(n):\n    await asyncio.sleep(n)\n\nasync def main():\n" +
        "    await asyncio.gather(*(nap(b / 100) for b in os.urandom(4)))\n\nasyncio.run(main())\n",
    );
    const r = recorder();
    const c = core(program, r.sink, Number.POSITIVE_INFINITY);
    expect((await c.start()).status).toBe(0);
    const target = r.events().length - 2;
    expect(c.cannotBranch()).toBeUndefined();
    let paused = false;
    const again = c.start({ at: target, paused: () => (paused = true) });
    await until(() => paused);
    c.send({ kind: "resume" });
    expect((await again).status).toBe(0);
    expect(c.cannotBranch()).toMatch(/not deterministic/);
    expect(r.notices.some((n) => /not deterministic/.test(n))).toBe(true);
  }, 60_000);

  it("a program on real time (a thread) cannot branch, and says why", async (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const r = recorder();
    const c = core(examples("thread_timeout.py"), r.sink, Number.POSITIVE_INFINITY);
    const done = c.start();
    await until(() => c.cannotBranch() !== undefined);
    expect(c.cannotBranch()).toMatch(/real time/);
    expect(r.warnings.some((w) => /real time/.test(w))).toBe(true);
    // `r` is refused too, with the reason, rather than running a program that would not repeat the run.
    c.send({ kind: "restart" });
    expect(r.warnings.at(-1)).toMatch(/^r unavailable: .*real time/);
    expect((await done).status).toBe(0);
  }, 60_000);

  it("x where nothing can be raised is refused by the probe with a reason, shown as a warning", async (ctx) => {
    if (python === null) return ctx.skip(SKIP_WHY);
    const program = join(dir, "yields.py");
    writeFileSync(
      program,
      "import asyncio\n\nasync def spin():\n    for _ in range(200000):\n        await asyncio.sleep(0)\n\n" +
        "asyncio.run(spin())\n",
    );
    const r = recorder();
    const c = core(program, r.sink);
    const done = c.start();
    await r.next((e) => e.type === "suspend" && e.task === 1);
    c.send({ kind: "inject", task: 1 });
    const warned = await new Promise<string>((resolve) => {
      const poll = () => (r.warnings.length > 0 ? resolve(r.warnings[0]!) : setTimeout(poll, 20));
      poll();
    });
    expect(warned).toMatch(/sleep\(0\)|running|not parked/);
    c.send({ kind: "abort" });
    await done;
  }, 60_000);
});
