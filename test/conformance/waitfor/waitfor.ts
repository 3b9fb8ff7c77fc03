// Ported from CPython 3.13's Lib/test/test_asyncio/test_waitfor.py.
import {
  CancelledError,
  coroutine,
  createTask,
  type Future,
  fixed,
  getRunningLoop,
  PythonError,
  print,
  shield,
  sleep,
  TimeoutError,
  wait,
  waitFor,
} from "../../../src/index.js";
import { aoutcome, contextOf, runTests, typeName } from "../harness.js";

// A timeout that passes "timeout > 0" but hardly counts.
const EPSILON = 0.0001;
const LONG_TIMEOUT = 5 * 60;

/**
 * Runs for TASK_TIMEOUT seconds of loop time, ignoring cancel requests
 * (the test reads time.monotonic(); on a virtual clock, loop time is the time).
 */
class SlowTask {
  static readonly TASK_TIMEOUT = 0.2;
  exited = false;

  run = coroutine(async function run(this: void, task: SlowTask) {
    const loop = getRunningLoop();
    const exitat = loop.time() + SlowTask.TASK_TIMEOUT;
    for (;;) {
      const tosleep = exitat - loop.time();
      if (tosleep <= 0) break;
      try {
        await sleep(tosleep);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
      }
    }
    task.exited = true;
  });
}

// test_waitfor.py::AsyncioWaitForTest::test_asyncio_wait_for_cancelled
const asyncio_wait_for_cancelled = coroutine(async function asyncio_wait_for_cancelled() {
  const t = new SlowTask();
  const waitfortask = createTask(waitFor(t.run(t), SlowTask.TASK_TIMEOUT * 2));
  await sleep(0);
  waitfortask.cancel();
  await wait([waitfortask]);
  print(t.exited, waitfortask.cancelled(), fixed(getRunningLoop().time(), 2));
});

// test_waitfor.py::AsyncioWaitForTest::test_asyncio_wait_for_timeout
const asyncio_wait_for_timeout = coroutine(async function asyncio_wait_for_timeout() {
  const t = new SlowTask();
  try {
    await waitFor(t.run(t), SlowTask.TASK_TIMEOUT / 2);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("TimeoutError");
  }
  print(t.exited, fixed(getRunningLoop().time(), 2));
});

// test_waitfor.py::AsyncioWaitForTest::test_wait_for_timeout_less_then_0_or_0_future_done
const wait_for_timeout_less_then_0_or_0_future_done = coroutine(
  async function wait_for_timeout_less_then_0_or_0_future_done() {
    const fut = getRunningLoop().createFuture<string>();
    fut.setResult("done");
    const ret = await waitFor(fut, 0);
    print(ret, fut.done());
  },
);

// test_waitfor.py::AsyncioWaitForTest::test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started
const wait_for_timeout_less_then_0_or_0_coroutine_do_not_started = coroutine(
  async function wait_for_timeout_less_then_0_or_0_coroutine_do_not_started() {
    let fooStarted = false;
    const foo = coroutine(async function foo() {
      fooStarted = true;
    });
    print(await aoutcome(waitFor(foo(), 0)), fooStarted);
  },
);

// test_waitfor.py::AsyncioWaitForTest::test_wait_for_timeout_less_then_0_or_0
const wait_for_timeout_less_then_0_or_0 = coroutine(async function wait_for_timeout_less_then_0_or_0() {
  const loop = getRunningLoop();
  for (const timeout of [0, -1]) {
    let fooRunning: boolean | null = null;
    const started = loop.createFuture<void>();
    const foo = coroutine(async function foo() {
      fooRunning = true;
      started.setResult(undefined);
      try {
        await sleep(10);
      } finally {
        fooRunning = false;
      }
      return "done";
    });
    const fut = createTask(foo());
    await started;
    print(timeout, await aoutcome(waitFor(fut, timeout)));
    // Cancelled by the timeout.
    print(fut.done(), fut.cancelled(), fooRunning);
  }
});

// test_waitfor.py::AsyncioWaitForTest::test_wait_for
const wait_for = coroutine(async function wait_for() {
  let fooRunning: boolean | null = null;
  const foo = coroutine(async function foo() {
    fooRunning = true;
    try {
      await sleep(LONG_TIMEOUT);
    } finally {
      fooRunning = false;
    }
    return "done";
  });
  const fut = createTask(foo());
  print(await aoutcome(waitFor(fut, 0.1)));
  print(fut.done(), fut.cancelled(), fooRunning, fixed(getRunningLoop().time(), 2));
});

// test_waitfor.py::AsyncioWaitForTest::test_wait_for_blocking
const wait_for_blocking = coroutine(async function wait_for_blocking() {
  const coro = coroutine(async function coro() {
    return "done";
  });
  print(await waitFor(coro(), null));
});

// test_waitfor.py::AsyncioWaitForTest::test_wait_for_race_condition
const wait_for_race_condition = coroutine(async function wait_for_race_condition() {
  const loop = getRunningLoop();
  const fut = loop.createFuture<string>();
  const task = waitFor(fut, 0.2);
  loop.callSoon((r: string) => fut.setResult(r), "ok");
  print(await task);
});

// test_waitfor.py::AsyncioWaitForTest::test_wait_for_cancellation_race_condition
const wait_for_cancellation_race_condition = coroutine(async function wait_for_cancellation_race_condition() {
  const inner = coroutine(async function inner() {
    print(await aoutcome(sleep(1)));
    return 1;
  });
  print(await waitFor(inner(), 0.01));
});

const waitsForTaskCancellation = coroutine(async function waits_for_task_cancellation(timeout: number) {
  let taskDone = false;
  const inner = coroutine(async function inner() {
    try {
      await sleep(10);
    } catch (e) {
      if (e instanceof CancelledError) await sleep(EPSILON);
      throw e;
    } finally {
      taskDone = true;
    }
  });
  const foo = coroutine(async function foo() {
    const innerTask = createTask(inner());
    if (timeout === 0) await sleep(EPSILON);
    await waitFor(innerTask, timeout);
  });
  try {
    await foo();
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    const chained = contextOf(e);
    print("TimeoutError, context:", chained === undefined ? null : typeName(chained));
  }
  print(taskDone);
});

// test_waitfor.py::AsyncioWaitForTest::test_wait_for_waits_for_task_cancellation
const wait_for_waits_for_task_cancellation = coroutine(async function wait_for_waits_for_task_cancellation() {
  await waitsForTaskCancellation(EPSILON);
});

// test_waitfor.py::AsyncioWaitForTest::test_wait_for_waits_for_task_cancellation_w_timeout_0
const wait_for_waits_for_task_cancellation_w_timeout_0 = coroutine(
  async function wait_for_waits_for_task_cancellation_w_timeout_0() {
    await waitsForTaskCancellation(0);
  },
);

// test_waitfor.py::AsyncioWaitForTest::test_wait_for_reraises_exception_during_cancellation
const wait_for_reraises_exception_during_cancellation = coroutine(
  async function wait_for_reraises_exception_during_cancellation() {
    class FooException extends PythonError {}
    const foo = coroutine(async function foo() {
      const inner = coroutine(async function inner() {
        try {
          await sleep(0.2);
        } finally {
          throw new FooException();
        }
      });
      const innerTask = createTask(inner());
      await waitFor(innerTask, EPSILON);
    });
    print(await aoutcome(foo()));
  },
);

const cancelWaitFor = coroutine(async function cancel_wait_for(timeout: number | null) {
  const loop = getRunningLoop();
  const blockingCoroutine = coroutine(async function blocking_coroutine() {
    const fut: Future<void> = loop.createFuture();
    await fut; // never set
  });
  const task = createTask(blockingCoroutine());
  const w = createTask(waitFor(task, timeout));
  loop.callSoon(() => w.cancel());
  print(await aoutcome(w));
  // Cancelling the wait cancels the task too (bpo-23219).
  print(task.cancelled());
});

// test_waitfor.py::AsyncioWaitForTest::test_cancel_blocking_wait_for
const cancel_blocking_wait_for = coroutine(async function cancel_blocking_wait_for() {
  await cancelWaitFor(null);
});

// test_waitfor.py::AsyncioWaitForTest::test_cancel_wait_for
const cancel_wait_for_60 = coroutine(async function cancel_wait_for_60() {
  await cancelWaitFor(60.0);
});

// test_waitfor.py::AsyncioWaitForTest::test_wait_for_cancel_suppressed
const wait_for_cancel_suppressed = coroutine(async function wait_for_cancel_suppressed() {
  const return42 = coroutine(async function return_42() {
    try {
      await sleep(10);
    } catch (e) {
      if (e instanceof CancelledError) return 42;
      throw e;
    }
    return undefined;
  });
  print(await waitFor(return42(), 0.1));
});

// test_waitfor.py::AsyncioWaitForTest::test_wait_for_issue86296
const wait_for_issue86296 = coroutine(async function wait_for_issue86296() {
  // inner completes in one cycle, before the task awaiting it is cancelled.
  const inner = coroutine(async function inner() {
    return "done";
  });
  const innerTask = createTask(inner());
  let reachedEnd = false;
  const waitForCoro = coroutine(async function wait_for_coro() {
    await waitFor(innerTask, 100);
    await sleep(1);
    reachedEnd = true;
  });
  const task = createTask(waitForCoro());
  print(task.done());
  await sleep(0);
  task.cancel();
  print(await aoutcome(task));
  print(innerTask.done(), await innerTask, reachedEnd);
});

// test_waitfor.py::WaitForShieldTests::test_zero_timeout
const zero_timeout = coroutine(async function zero_timeout() {
  const coro = coroutine(async function coro() {
    await sleep(0.01);
    return "done";
  });
  const task = createTask(coro());
  const shieldedTask = shield(task);
  print(await aoutcome(waitFor(shieldedTask, 0)));
  // The task runs on in the background.
  print(task.done(), task.cancelled(), shieldedTask.cancelled());
  await sleep(0.1);
  print(task.done());
});

// test_waitfor.py::WaitForShieldTests::test_none_timeout
const none_timeout = coroutine(async function none_timeout() {
  const coro = coroutine(async function coro() {
    await sleep(0.1);
    return "done";
  });
  const task = createTask(coro());
  await waitFor(shield(task), null);
  print(task.done(), await task);
});

// test_waitfor.py::WaitForShieldTests::test_shielded_timeout
const shielded_timeout = coroutine(async function shielded_timeout() {
  const coro = coroutine(async function coro() {
    await sleep(0.1);
    return "done";
  });
  const task = createTask(coro());
  print(await aoutcome(waitFor(shield(task), 0.01)));
  print(task.done(), task.cancelled(), await task);
});

export default () =>
  runTests(
    asyncio_wait_for_cancelled,
    asyncio_wait_for_timeout,
    wait_for_timeout_less_then_0_or_0_future_done,
    wait_for_timeout_less_then_0_or_0_coroutine_do_not_started,
    wait_for_timeout_less_then_0_or_0,
    wait_for,
    wait_for_blocking,
    wait_for_race_condition,
    wait_for_cancellation_race_condition,
    wait_for_waits_for_task_cancellation,
    wait_for_waits_for_task_cancellation_w_timeout_0,
    wait_for_reraises_exception_during_cancellation,
    cancel_blocking_wait_for,
    cancel_wait_for_60,
    wait_for_cancel_suppressed,
    wait_for_issue86296,
    zero_timeout,
    none_timeout,
    shielded_timeout,
  );
