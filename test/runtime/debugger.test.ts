// Pause, step and breakpoints (src/runtime/debugger.ts): a paused loop runs nothing and its time stands
// still; a step runs until one more event; a breakpoint acts at a handle position, so a run replayed with
// the same commands at the same positions gives the same events.
import { describe, expect, it } from "vitest";
import { allTasks, coroutine, createTask, print, Runner, type RuntimeEvent, sleep } from "../../src/index.js";
import { cancelForUser } from "../../src/runtime/user-commands.js";

const ticker = coroutine(async function ticker(name: string, n: number) {
  for (let i = 0; i < n; i++) {
    await sleep(1);
    print(`${name} ${i}`);
  }
});

const main = coroutine(async function main() {
  const a = createTask(ticker("a", 3), { name: "a" });
  const b = createTask(ticker("b", 3), { name: "b" });
  await a;
  await b.then(
    () => {},
    () => {},
  );
});

/** Wait until the loop stops because it is paused (a few turns of Node's loop at most). */
function whenPaused(runner: Runner): Promise<void> {
  return new Promise((resolve) => {
    runner.loop.onPaused = () => {
      runner.loop.onPaused = undefined;
      resolve();
    };
  });
}

function start(onEvent?: (e: RuntimeEvent, runner: Runner) => void) {
  const events: RuntimeEvent[] = [];
  const runner = new Runner({
    output: () => {},
    errorOutput: () => {},
    onEvent: (e) => {
      events.push(e);
      onEvent?.(e, runner);
    },
  });
  const done = runner.run(main()).then(() => runner.close());
  return { runner, events, done };
}

describe("the loop's debugger", () => {
  it("pauses before the next handle, steps one event at a time, and resumes", async () => {
    const { runner, events, done } = start((e, r) => {
      if (e.type === "print" && e.text === "a 0") r.loop.pause();
    });
    await whenPaused(runner);
    const at = events.length;
    const time = runner.loop.time();
    await new Promise((r) => setTimeout(r, 20));
    expect(events.length).toBe(at); // nothing runs while paused
    for (let i = 1; i <= 3; i++) {
      const paused = whenPaused(runner);
      runner.loop.step();
      await paused;
      expect(events.length).toBeGreaterThan(at + i - 1);
    }
    expect(runner.loop.time()).toBeGreaterThanOrEqual(time);
    runner.loop.resume();
    await done;
    expect(events.filter((e) => e.type === "print").map((e) => e.type === "print" && e.text)).toEqual([
      "a 0",
      "b 0",
      "a 1",
      "b 1",
      "a 2",
      "b 2",
    ]);
  });

  it("calls a breakpoint at its handle position, and a replay with it reproduces the run", async () => {
    // A live run: when "a 1" is printed, cancel b at the next handle boundary (where a session's
    // commands act), remembering that position.
    let at = -1;
    const cancelB = (r: Runner) => () => {
      at = r.loop.handlesRun;
      const b = [...allTasks(r.loop)].find((t) => t.getName() === "b");
      if (b) cancelForUser(b);
    };
    const live = start((e, r) => {
      if (e.type === "print" && e.text === "a 1") r.loop.addBreakpoint(r.loop.handlesRun, cancelB(r));
    });
    await live.done;
    expect(at).toBeGreaterThan(0);
    // The replay: the same command as a breakpoint at that position.
    const events: RuntimeEvent[] = [];
    const runner = new Runner({ output: () => {}, errorOutput: () => {}, onEvent: (e) => events.push(e) });
    const recorded = at;
    runner.loop.addBreakpoint(recorded, cancelB(runner));
    await runner.run(main());
    await runner.close();
    expect(at).toBe(recorded);
    expect(events).toEqual(live.events);
    expect(events.some((e) => e.type === "task-done" && e.outcome === "cancelled")).toBe(true);
  });
});
