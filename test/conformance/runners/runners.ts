// Ported from CPython 3.13's Lib/test/test_asyncio/test_runners.py.
// Ctrl-C: the tests call _thread.interrupt_main(), a SIGINT that asyncio.Runner's handler
// takes; the TypeScript runner's interrupt() is that handler.
import {
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  type EventLoop,
  type Future,
  getRunningLoop,
  print,
  Runner,
  run,
  sleep,
  type Task,
  ValueError,
  ZeroDivisionError,
} from "../../../src/index.js";
import { aoutcome, outcome, runTests, typeName } from "../harness.js";

/** `with asyncio.Runner() as runner:` — entering makes the loop, leaving closes the runner. */
async function withRunner(body: (runner: Runner) => Promise<void> | void): Promise<void> {
  const runner = new Runner();
  runner.getLoop();
  try {
    await body(runner);
  } finally {
    await runner.close();
  }
}

// test_runners.py::RunTests::test_asyncio_run_return
async function asyncio_run_return() {
  const main = coroutine(async function main() {
    await sleep(0);
    return 42;
  });
  print(await run(main()));
}

// test_runners.py::RunTests::test_asyncio_run_raises
async function asyncio_run_raises() {
  const main = coroutine(async function main() {
    await sleep(0);
    throw new ValueError("spam");
  });
  print(await aoutcome(run(main())));
}

// test_runners.py::RunTests::test_asyncio_run_only_coro
function asyncio_run_only_coro() {
  for (const o of [1, () => null]) print(outcome(() => run(o as never)).split(" <")[0]);
}

// test_runners.py::RunTests::test_asyncio_run_from_running_loop
async function asyncio_run_from_running_loop() {
  const main = coroutine(async function mainBody() {
    const coro = main();
    try {
      run(coro);
    } finally {
      coro.close();
    }
  });
  print(await aoutcome(run(main())));
}

// test_runners.py::RunTests::test_asyncio_run_cancels_hanging_tasks
async function asyncio_run_cancels_hanging_tasks() {
  let loTask!: Task<void>;
  const leftover = coroutine(async function leftover() {
    await sleep(0.1);
  });
  const main = coroutine(async function main() {
    loTask = createTask(leftover());
    return 123;
  });
  print(await run(main()), loTask.done(), loTask.cancelled());
}

// test_runners.py::RunTests::test_asyncio_run_reports_hanging_tasks_errors
async function asyncio_run_reports_hanging_tasks_errors() {
  // (The test replaces call_exception_handler with a mock; a handler sees the same context.)
  let loTask!: Task<void>;
  const leftover = coroutine(async function leftover() {
    try {
      await sleep(0.1);
    } catch (e) {
      if (e instanceof CancelledError) throw new ZeroDivisionError("division by zero");
      throw e;
    }
  });
  const handler = (_loop: EventLoop, context: { message: string; task?: unknown; exception?: unknown }) => {
    print(context.message, context.task === loTask, typeName(context.exception));
  };
  const main = coroutine(async function main() {
    getRunningLoop().setExceptionHandler(handler);
    loTask = createTask(leftover());
    return 123;
  });
  print(await run(main()), loTask.done());
}

// test_runners.py::RunnerTests::test_run
async function runner_run() {
  const f = coroutine(async function f() {
    await sleep(0);
    return "done";
  });
  const runner = new Runner();
  runner.getLoop();
  let loop!: EventLoop;
  try {
    print(await runner.run(f()));
    loop = runner.getLoop();
  } finally {
    await runner.close();
  }
  print(
    outcome(() => runner.getLoop()),
    loop.closed,
  );
}

// test_runners.py::RunnerTests::test_run_non_coro
async function run_non_coro() {
  await withRunner((runner) => {
    print(outcome(() => runner.run(123 as never)));
  });
}

// test_runners.py::RunnerTests::test_run_future
async function run_future() {
  await withRunner((runner) => {
    const fut = runner.getLoop().createFuture();
    print(outcome(() => runner.run(fut as never)));
  });
}

// test_runners.py::RunnerTests::test_explicit_close
async function explicit_close() {
  const runner = new Runner();
  const loop = runner.getLoop();
  await runner.close();
  print(
    outcome(() => runner.getLoop()),
    loop.closed,
  );
}

// test_runners.py::RunnerTests::test_double_close
async function double_close() {
  const runner = new Runner();
  const loop = runner.getLoop();
  await runner.close();
  print(loop.closed);
  // The second call does nothing.
  await runner.close();
  print(loop.closed);
}

// test_runners.py::RunnerTests::test_second_with_block_raises
async function second_with_block_raises() {
  const ret: number[] = [];
  const f = coroutine(async function f(arg: number) {
    ret.push(arg);
  });
  const runner = new Runner();
  runner.getLoop();
  try {
    await runner.run(f(1));
  } finally {
    await runner.close();
  }
  // `with runner:` again: entering gets the loop, which a closed runner refuses.
  print(outcome(() => runner.getLoop()));
  print(ret);
}

// test_runners.py::RunnerTests::test_recursive_run
async function recursive_run() {
  const g = coroutine(async function g() {});
  let runner!: Runner;
  const f = coroutine(async function f() {
    runner.run(g());
  });
  await withRunner(async (r) => {
    runner = r;
    // (g() is never awaited: a RuntimeWarning on stderr.)
    print(await aoutcome(runner.run(f())));
  });
}

// test_runners.py::RunnerTests::test_interrupt_call_soon
async function interrupt_call_soon() {
  // The only case where the task is not suspended on a future or a task. (The test
  // interrupts after 0.1 s of a sleep(0) loop; time stands still on a virtual clock
  // while a task is always ready, so here the coroutine asks for the interrupt itself.)
  let runner!: Runner;
  const coro = coroutine(async function coro() {
    getRunningLoop().callSoon(() => runner.interrupt());
    try {
      for (;;) await sleep(0);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("CancelledError in the sleep(0) loop");
    }
    throw new CancelledError();
  });
  await withRunner(async (r) => {
    runner = r;
    print(await aoutcome(runner.run(coro())));
  });
}

// test_runners.py::RunnerTests::test_interrupt_wait
async function interrupt_wait() {
  // Interrupting a wait on a future cancels both the future and the main task.
  const coro = coroutine(async function coro(fut: Future<unknown>) {
    try {
      await fut;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("CancelledError at the await");
    }
    throw new CancelledError();
  });
  await withRunner(async (runner) => {
    const fut = runner.getLoop().createFuture();
    runner.getLoop().callLater(0.1, () => runner.interrupt());
    print(await aoutcome(runner.run(coro(fut))));
    print(fut.cancelled());
  });
}

// test_runners.py::RunnerTests::test_interrupt_cancelled_task
async function interrupt_cancelled_task() {
  // Interrupting a main task already cancelled does not raise KeyboardInterrupt.
  let runner!: Runner;
  const subtask = coroutine(async function subtask(task: Task<unknown>) {
    await sleep(0);
    task.cancel();
    runner.interrupt();
  });
  const coro = coroutine(async function coro() {
    createTask(subtask(currentTask() as Task<unknown>));
    await sleep(10);
  });
  await withRunner(async (r) => {
    runner = r;
    print(await aoutcome(runner.run(coro())));
  });
}

// test_runners.py::RunnerTests::test_no_repr_is_call_on_the_task_result
async function no_repr_is_call_on_the_task_result() {
  class MyResult {
    reprCount = 0;
    [Symbol.for("async-demo.repr")]() {
      this.reprCount += 1;
      return "<MyResult object>";
    }
  }
  const coro = coroutine(async function coro() {
    return new MyResult();
  });
  let result!: MyResult;
  await withRunner(async (runner) => {
    result = await runner.run(coro());
  });
  print(result.reprCount);
}

export default () =>
  runTests(
    asyncio_run_return,
    asyncio_run_raises,
    asyncio_run_only_coro,
    asyncio_run_from_running_loop,
    asyncio_run_cancels_hanging_tasks,
    asyncio_run_reports_hanging_tasks_errors,
    runner_run,
    run_non_coro,
    run_future,
    explicit_close,
    double_close,
    second_with_block_raises,
    recursive_run,
    interrupt_call_soon,
    interrupt_wait,
    interrupt_cancelled_task,
    no_repr_is_call_on_the_task_result,
  );
