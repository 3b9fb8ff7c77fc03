// Foreign (plain, non-runtime) promises inside tasks: they do not stall the loop, are reported, resume the right
// task; wrapPromise() makes them cancellable runtime awaitables. See the comments at the top of src/runtime/foreign-awaits.ts.
import { afterEach, describe, expect, it } from "vitest";
import {
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  gather,
  getRunningLoop,
  type MainAwaitable,
  print,
  Runner,
  type RuntimeEvent,
  repr,
  sleep,
  type Task,
  ValueError,
  wrapPromise,
} from "../../src/index.js";
import { immediate } from "../support/immediate.js";
import { watchUnhandled } from "../support/unhandled.js";

interface Outcome<T> {
  result: T;
  out: string[];
  events: RuntimeEvent[];
  runner: Runner;
}

/** Run `main` on a fresh Runner, collecting prints and events; a run stuck for 1.5 s fails instead of hanging. */
async function runCollecting<T>(main: MainAwaitable<T>): Promise<Outcome<T>> {
  const out: string[] = [];
  const events: RuntimeEvent[] = [];
  const runner = new Runner({ onEvent: (e) => events.push(e), output: (t) => out.push(t), errorOutput: () => {} });
  let watchdog: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    watchdog = setTimeout(() => reject(new Error(`run stuck; printed so far: ${JSON.stringify(out.slice(-5))}`)), 1500);
  });
  try {
    const result = await Promise.race([runner.run(main), stuck]);
    await Promise.race([runner.close(), stuck]);
    return { result, out, events, runner };
  } finally {
    clearTimeout(watchdog);
  }
}

const foreignWarnings = (events: RuntimeEvent[]) =>
  events.filter(
    (e): e is Extract<RuntimeEvent, { type: "warning" }> => e.type === "warning" && e.kind === "foreign-await",
  );

const unhandled = watchUnhandled();
afterEach(() => {
  expect(unhandled.report()).toEqual([]);
});

describe("a task awaiting a plain promise", () => {
  // worker awaits a promise that settles after three setImmediate hops; ticker yields (sleep(0)) until it is back.
  const program = () => {
    let resumed = false;
    const state = { same: [] as boolean[] };
    const worker = coroutine(async function worker() {
      const me = currentTask();
      print("worker: awaiting a plain promise");
      const got = await immediate("data", 3);
      state.same.push(currentTask() === me);
      print("worker: resumed with", got);
      resumed = true;
      await sleep(0.5);
      state.same.push(currentTask() === me);
      print("worker: slept");
      return "w";
    });
    const ticker = coroutine(async function ticker() {
      let i = 0;
      while (!resumed) {
        print("tick", i++);
        await sleep(0);
      }
      return i;
    });
    const main = coroutine(async function main() {
      const w = createTask(worker(), { name: "worker" });
      const [wr, ticks] = await gather(w, ticker());
      print("main:", wr, ticks > 0);
      return wr;
    });
    return { main, state };
  };

  it("does not stall the others: the ticker keeps printing while it waits", async () => {
    const { main } = program();
    const { out } = await runCollecting(main());
    const awaiting = out.indexOf("worker: awaiting a plain promise");
    const back = out.indexOf("worker: resumed with data");
    expect(awaiting).toBeGreaterThanOrEqual(0);
    expect(back).toBeGreaterThan(awaiting);
    const ticksBetween = out.slice(awaiting, back).filter((l) => l.startsWith("tick "));
    expect(ticksBetween.length).toBeGreaterThanOrEqual(2);
  });

  it("is named by a foreign-await warning", async () => {
    const { main } = program();
    const { events } = await runCollecting(main());
    const created = events.find((e) => e.type === "task-created" && e.name === "worker");
    const warnings = foreignWarnings(events);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.task).toBe(created?.type === "task-created" ? created.task : -1);
    expect(warnings[0]?.text).toContain("worker");
  });

  it("resumes as itself: currentTask() is unchanged, it can then sleep() and return a value main gathers", async () => {
    const { main, state } = program();
    const { result, out, runner } = await runCollecting(main());
    expect(state.same).toEqual([true, true]);
    expect(out.slice(-3)).toEqual(["worker: resumed with data", "worker: slept", "main: w True"]);
    expect(result).toBe("w");
    expect(runner.loop.time()).toBe(0.5);
  });
});

describe("wrapPromise", () => {
  it("wrapPromise(p) delivers the promise's value, with no foreign-await warning", async () => {
    const main = coroutine(async function main() {
      const value = await wrapPromise(immediate(42, 2));
      await sleep(0.1);
      return value;
    });
    const { result, events } = await runCollecting(main());
    expect(result).toBe(42);
    expect(foreignWarnings(events)).toEqual([]);
  });

  it("wrapPromise(p) raises the promise's rejection in the task", async () => {
    const main = coroutine(async function main() {
      try {
        await wrapPromise(immediate(0, 2).then(() => Promise.reject(new ValueError("bad"))));
        return "no error";
      } catch (e) {
        return repr(e);
      }
    });
    expect((await runCollecting(main())).result).toBe("ValueError('bad')");
  });

  it("wrapPromise((signal) => p) delivers the value too", async () => {
    const main = coroutine(async function main() {
      return await wrapPromise((signal) => immediate(signal.aborted ? "aborted" : "fresh", 2));
    });
    expect((await runCollecting(main())).result).toBe("fresh");
  });

  it("cancelling the awaiting task raises CancelledError at once and aborts the signal", async () => {
    let signal: AbortSignal | undefined;
    let settledBeforeCancel = false;
    // Like fetch(): the work only ends when the signal aborts it.
    const producer = (s: AbortSignal) =>
      new Promise<string>((_, reject) => {
        signal = s;
        s.addEventListener("abort", () => reject(s.reason));
      });
    const fetcher = coroutine(async function fetcher() {
      try {
        return await wrapPromise(producer);
      } catch (e) {
        print("fetcher: caught", repr(e));
        throw e;
      }
    });
    const main = coroutine(async function main() {
      const t = createTask(fetcher());
      await sleep(0);
      settledBeforeCancel = t.done();
      t.cancel("stop");
      try {
        await t;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print("main: cancelled", t.cancelled(), "at", getRunningLoop().time());
      }
      await sleep(1);
      print("main: slept until", getRunningLoop().time());
    });
    const { out } = await runCollecting(main());
    expect(settledBeforeCancel).toBe(false);
    expect(out).toEqual(["fetcher: caught CancelledError('stop')", "main: cancelled True at 0", "main: slept until 1"]);
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBeInstanceOf(CancelledError);
    expect(repr(signal?.reason)).toBe("CancelledError('stop')");
  });

  it("a cancelled wrapPromise whose promise never settles does not hold the virtual clock", async () => {
    // Python twin (CPython 3.13, virtual clock): `await asyncio.wrap_future(concurrent.futures.Future())` in a task,
    // cancel('stop'), then `await asyncio.sleep(1)` in main prints 'after sleep 1.0'.
    const fetcher = coroutine(async function fetcher() {
      return await wrapPromise(new Promise<never>(() => {}));
    });
    const main = coroutine(async function main() {
      const t = createTask(fetcher());
      await sleep(0);
      t.cancel("stop");
      try {
        await t;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print("main: cancelled", t.cancelled());
      }
      await sleep(1);
      print("after sleep");
    });
    const { out, runner } = await runCollecting(main());
    expect(out).toEqual(["main: cancelled True", "after sleep"]);
    expect(runner.loop.time()).toBe(1);
  });
});

describe("how a task's function ends is heard wherever it ends", () => {
  // These end right after a plain promise (outside any step), after Promise.all, or in their first step.
  it("returns or raises after a plain promise (first step or later), after Promise.all over tasks, or without awaiting", async () => {
    const firstStep = coroutine(async function firstStep() {
      return `first ${await immediate("x")}`;
    });
    const laterStep = coroutine(async function laterStep() {
      await sleep(0);
      await immediate(null, 2);
      throw new ValueError("later");
    });
    const atOnce = coroutine(async function atOnce() {
      return "at once";
    });
    const raisesAtOnce = coroutine(function raisesAtOnce(): string {
      throw new ValueError("sync");
    });
    const plainValue = coroutine(function plainValue() {
      return 7;
    });
    // Promise.all over tasks in the first step: the step ends parked on nothing the loop can see.
    const allThenReturn = coroutine(async function allThenReturn() {
      const parts = await Promise.all([createTask(sleep(0, "p")), createTask(sleep(0.1, "q"))]);
      return parts.join("");
    });
    const main = coroutine(async function main() {
      const results = await gather(
        createTask(firstStep(), { name: "first" }),
        createTask(laterStep(), { name: "later" }),
        atOnce(),
        raisesAtOnce(),
        plainValue(),
        allThenReturn(),
        { returnExceptions: true },
      );
      return results.map(repr);
    });
    const { result, events } = await runCollecting(main());
    expect(result).toEqual(["'first x'", "ValueError('later')", "'at once'", "ValueError('sync')", "7", "'pq'"]);
    const coroOf = new Map<number, string>();
    for (const e of events) if (e.type === "task-created") coroOf.set(e.task, e.coro);
    const warned = foreignWarnings(events).map((w) => (w.task === null ? null : coroOf.get(w.task)));
    expect(warned.sort()).toEqual(["allThenReturn", "firstStep", "laterStep"]);
    const ends = events.flatMap((e) => (e.type === "task-done" ? [`${coroOf.get(e.task)} ${e.outcome}`] : []));
    // Those that never await end in the first iteration, in order; main ends after all of its children.
    expect(ends.slice(0, 3)).toEqual(["atOnce result", "raisesAtOnce exception", "plainValue result"]);
    expect(ends.slice(3, 9).sort()).toEqual([
      "allThenReturn result",
      "firstStep result",
      "laterStep exception",
      "main result",
      "sleep result",
      "sleep result",
    ]);
    expect(ends[8]).toBe("main result");
  });
});

describe("a task's function that goes on without the loop resuming it", () => {
  // The task looks parked on the first runtime awaitable it called then() on, but its function carries on.
  it("Promise.race of a runtime future against a plain promise: the plain one wins and the task ends", async () => {
    const child = coroutine(async function child() {
      const never = getRunningLoop().createFuture();
      return `child got ${await Promise.race([never, immediate("plain")])}`;
    });
    const main = coroutine(async function main() {
      return await createTask(child());
    });
    const { result, runner, events } = await runCollecting(main());
    expect(result).toBe("child got plain");
    expect(runner.loop.time()).toBe(0);
    // Nothing of that was visible to the loop but the future: it says what happened.
    expect(foreignWarnings(events).map((w) => w.text.split(":")[0])).toEqual([
      "child (Task-2) ended while parked on future",
    ]);
  });

  it("then(cb) on a future nobody sets, then return or raise: the task ends with that", async () => {
    // (After a first await: in the first step's synchronous part, then(cb) is known to be a callback.)
    const returns = coroutine(async function returns() {
      await sleep(0);
      getRunningLoop()
        .createFuture()
        .then(() => print("never"));
      return "returned";
    });
    const raises = coroutine(async function raises() {
      await sleep(0);
      getRunningLoop()
        .createFuture()
        .then(() => print("never"));
      throw new ValueError("raised");
    });
    const main = coroutine(async function main() {
      return (await gather(createTask(returns()), createTask(raises()), { returnExceptions: true })).map(repr);
    });
    const { result, out, events } = await runCollecting(main());
    expect(result).toEqual(["'returned'", "ValueError('raised')"]);
    expect(out).toEqual([]);
    expect(foreignWarnings(events).map((w) => w.text.split(":")[0])).toEqual([
      "returns (Task-2) ended while parked on future",
      "raises (Task-3) ended while parked on future",
    ]);
  });

  // Found by test/runtime/foreign-properties.test.ts: each of these hung the run on the virtual clock.
  it("after the plain promise wins a race, the task sleeps; woken by the shutdown, it does not hold the clock", async () => {
    let child: Task<string> | undefined;
    const racer = coroutine(async function racer() {
      await Promise.race([createTask(sleep(0.003)), immediate("plain")]);
      await sleep(0.013);
      return "slept";
    });
    const main = coroutine(async function main() {
      child = createTask(racer());
      return "main";
    });
    // main returns at once: the shutdown cancels the racer, parked (as the loop sees it) on the race's task.
    const { result, runner, events } = await runCollecting(main());
    expect([result, child?.result()]).toEqual(["main", "slept"]);
    expect(runner.loop.time()).toBeCloseTo(0.013);
    expect(foreignWarnings(events).map((w) => w.text.split(":")[0])).toContain(
      "racer (Task-2) did not go on when woken",
    );
  });

  it("a Promise.all over tasks elsewhere does not make another task's plain promise let the clock jump", async () => {
    const sleeper = coroutine(async function sleeper(s: number) {
      await sleep(s);
      return s;
    });
    const combo = coroutine(async function combo() {
      return await Promise.all([createTask(sleeper(5)), createTask(sleeper(6))]);
    });
    const io = coroutine(async function io() {
      await sleep(0);
      await immediate(null, 3); // real I/O, as far as the loop knows: the virtual clock waits for it
      return getRunningLoop().time();
    });
    const main = coroutine(async function main() {
      return await gather(combo(), io());
    });
    const { result, events } = await runCollecting(main());
    expect(result).toEqual([[5, 6], 0]);
    expect(foreignWarnings(events).map((w) => w.text.split(";")[0])).toEqual([
      "combo (Task-2) awaits a promise combinator (Promise.all/race/any) over runtime awaitables",
      "io (Task-3) awaits a plain promise (not a runtime awaitable)",
    ]);
  });

  it("then(cb) on a task in the first step, then Promise.all over it: the callback runs, Promise.all gets the result", async () => {
    const child = coroutine(async function child() {
      return "child";
    });
    const main = coroutine(async function main() {
      const task = createTask(child());
      task.then((v) => print(`cb ${v}`));
      return await Promise.all([task]);
    });
    const { result, out } = await runCollecting(main());
    expect(result).toEqual(["child"]);
    expect(out).toEqual(["cb child"]);
  });

  it("then(cb) on a task, then an await a few promise hops later (in another async function): both complete", async () => {
    const child = coroutine(async function child() {
      await sleep(0.001);
      return "child";
    });
    const later = async () => {
      await null;
      await null;
      await sleep(0.005);
      return "later";
    };
    const main = coroutine(async function main() {
      const task = createTask(child());
      task.then((v) => print(`cb ${v}`));
      return `${await later()} ${await task}`;
    });
    const { result, out, runner } = await runCollecting(main());
    expect(result).toBe("later child");
    expect(out).toEqual(["cb child"]);
    expect(runner.loop.time()).toBeCloseTo(0.005);
  });
});

describe("a promise combinator over runtime awaitables", () => {
  it("await Promise.all([taskA, taskB]) in a task completes with both results (and a foreign-await warning)", async () => {
    const fetchA = coroutine(async function fetchA() {
      await sleep(0.2);
      return "A";
    });
    const fetchB = coroutine(async function fetchB() {
      await sleep(0.1);
      return "B";
    });
    const combo = coroutine(async function combo() {
      const both = await Promise.all([createTask(fetchA()), createTask(fetchB())]);
      await sleep(0.1);
      return both;
    });
    const main = coroutine(async function main() {
      return await gather(createTask(combo(), { name: "combo" }), sleep(0.05, "other"));
    });
    const { result, events, runner } = await runCollecting(main());
    expect(result).toEqual([["A", "B"], "other"]);
    expect(runner.loop.time()).toBeCloseTo(0.3, 9);
    const warnings = foreignWarnings(events);
    expect(warnings.map((w) => w.text.includes("combo"))).toEqual([true]);
  });
});
