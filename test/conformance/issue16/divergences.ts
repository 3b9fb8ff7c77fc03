// The divergences of issue 16, items 1-6: each program part failed on the
// runtime before its fix (item 7, print order in a user file, is print-order.test.ts).
import {
  asCompleted,
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  ensureFuture,
  fixed,
  gather,
  getRunningLoop,
  print,
  Runner,
  repr,
  run,
  shield,
  sleep,
  Timeout,
  TimeoutError,
  timeout,
  timeoutAt,
  ValueError,
  wait,
  waitFor,
} from "../../../src/index.js";
import { aoutcome, norm, outcome, runTests } from "../harness.js";

const inner = coroutine(async function inner() {
  return "inner";
});

const worker = coroutine(async function worker() {
  await sleep(0.1);
  return "worker done";
});

// Item 1: asyncio.run() and Runner.run() inside a running loop raise RuntimeError
// at once; the outer loop keeps running (its other task, its clock, its callbacks).
const item1_run_inside_a_running_loop = coroutine(async function item1_run_inside_a_running_loop() {
  const loop = getRunningLoop();
  const other = createTask(worker());
  let coro = inner();
  print(
    "asyncio.run:",
    outcome(() => run(coro)),
  );
  coro.close();
  const runner = new Runner();
  coro = inner();
  print(
    "Runner.run:",
    outcome(() => runner.run(coro)),
  );
  coro.close();
  await runner.close();

  const fromCallback = () => {
    const c = inner();
    print(
      "from a callback:",
      outcome(() => run(c)),
    );
    c.close();
  };

  loop.callSoon(fromCallback);
  await sleep(0);
  print("other task:", await other);
  print("same loop:", getRunningLoop() === loop, "time:", loop.time());
  const used = new Runner();
  used.getLoop();
  print("close() of a runner with a loop:", await aoutcome(used.close()));
  print(
    "then:",
    outcome(() => used.getLoop()),
  );
});

async function item1_run_after_a_run() {
  // Outside any loop both work, one after the other, each on a fresh loop.
  print(await run(inner()));
  const runner = new Runner();
  try {
    print(await runner.run(inner()), await runner.run(worker()));
  } finally {
    await runner.close();
  }
}

// Item 2: not a coroutine -> ValueError('a coroutine was expected, got ...').
async function item2_not_a_coroutine() {
  print(outcome(() => run(1 as never)));
  print(outcome(() => run("main" as never)));
  const runner = new Runner();
  try {
    print(outcome(() => runner.run(123 as never)));
    print(outcome(() => runner.run(null as never)));
  } finally {
    await runner.close();
  }
}

// test_tasks.py::BaseTaskTests::test_task_set_methods
// Item 3: a Task's outcome cannot be set from outside: RuntimeError.
const item3_task_set_methods = coroutine(async function item3_task_set_methods() {
  const task = createTask(inner());
  print(outcome(() => task.setResult("ok")));
  print(outcome(() => task.setException(new ValueError("no"))));
  print("task still ends with its own result:", await task);
});

// Item 4: a task with a pending cancellation shows as `cancelling` (3.13).
const item4_repr_cancelling = coroutine(async function item4_repr_cancelling() {
  const sleeper = coroutine(async function sleeper() {
    try {
      await sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      currentTask()?.uncancel();
      await sleep(10);
    }
  });

  const t = createTask(sleeper(), { name: "sleeper" });
  print(norm(repr(t)));
  await sleep(0);
  print(norm(repr(t)));
  t.cancel();
  print(norm(repr(t)));
  await sleep(0);
  print(norm(repr(t)), t.cancelling());
  t.cancel("again");
  print(norm(repr(t)));
  print(await aoutcome(t));
  print(norm(repr(t)));
  const done = createTask(inner(), { name: "done" });
  done.cancel();
  print(norm(repr(done)));
  await sleep(0);
  print(norm(repr(done)));
});

// Item 5: the repr of timeout() shows its state and deadline.
const item5_timeout_repr = coroutine(async function item5_timeout_repr() {
  const loop = getRunningLoop();
  print(repr(new Timeout(1.5)));
  let cm: Timeout | undefined;
  await timeout(1.5, async (c) => {
    cm = c;
    print(repr(c));
    c.reschedule(loop.time() + 2.0004);
    print(repr(c));
    c.reschedule(null);
    print(repr(c));
  });
  print(repr(cm));
  try {
    await timeout(0.25, async (c) => {
      cm = c;
      await sleep(1);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(repr(cm));
  }
  await timeoutAt(loop.time() + 1 / 3, async (c) => {
    print(repr(c));
  });
  await timeout(null, async (c) => {
    print(repr(c));
  });
});

// Item 6: messages name Python's types, never JavaScript's classes.
const item6_messages_name_python_types = coroutine(async function item6_messages_name_python_types() {
  const loop = getRunningLoop();
  const fut = loop.createFuture();
  const task = createTask(inner());
  const coro = inner();
  print(await aoutcome(wait(coro as never)));
  print(await aoutcome(wait(fut as never)));
  print(await aoutcome(wait(task as never)));
  print(await aoutcome(wait(gather() as never)));
  print(outcome(() => asCompleted(fut as never)));
  print(outcome(() => asCompleted(coro as never)));
  coro.close();
  print(await aoutcome(sleep("1" as never)));
  print(await aoutcome(sleep(null as never)));
  print(await aoutcome(waitFor(1 as never, 1)));
  print(await aoutcome(waitFor(1 as never, 0)));
  print(outcome(() => gather(1 as never)));
  print(outcome(() => shield("x" as never)));
  print(outcome(() => ensureFuture(1 as never)));
  print(outcome(() => createTask(1 as never)));
  print(await aoutcome(sleep(true as never, "slept a second")), fixed(loop.time(), 1));
  fut.cancel();
  await task;
});

export default () =>
  runTests(
    item1_run_inside_a_running_loop,
    item1_run_after_a_run,
    item2_not_a_coroutine,
    item3_task_set_methods,
    item4_repr_cancelling,
    item5_timeout_repr,
    item6_messages_name_python_types,
  );
