// Ported from CPython 3.13's Lib/test/test_asyncio/test_tasks.py: tasks themselves
// (BaseTaskTests, which CPython runs for its C and Python tasks alike, and a few others).
import {
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  ensureFuture,
  Future,
  getRunningLoop,
  KeyError,
  PythonError,
  print,
  Runner,
  repr,
  run,
  sleep,
  type Task,
  TimeoutError,
  tuple,
  ValueError,
  wait,
} from "../../../src/index.js";
import { aoutcome, contextOf, norm, outcome, runTests, typeName } from "../harness.js";

/** The tests' get_innermost_context: the end of the __context__ chain and its depth. */
function innermostContext(exc: unknown) {
  let depth = 0;
  for (let next = contextOf(exc); next !== undefined; next = contextOf(next)) {
    exc = next;
    depth++;
  }
  return tuple(typeName(exc), (exc as PythonError).args, depth);
}

/** A second loop, never run (asyncio.new_event_loop()). */
function newEventLoop() {
  return new Runner().loop;
}

// test_tasks.py::BaseTaskTests::test_task_cancel_message_getter
const task_cancel_message_getter = coroutine(async function task_cancel_message_getter() {
  const coro = coroutine(async function coro() {});
  const t = createTask(coro());
  print("_cancelMessage" in t, t._cancelMessage);
  t.cancel("my message");
  print(t._cancelMessage);
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(e.args);
  }
});

// test_tasks.py::BaseTaskTests::test_task_cancel_message_setter
const task_cancel_message_setter = coroutine(async function task_cancel_message_setter() {
  const coro = coroutine(async function coro() {});
  const t = createTask(coro());
  t.cancel("my message");
  t._cancelMessage = "my new message";
  print(t._cancelMessage);
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(e.args);
  }
});

// test_tasks.py::BaseTaskTests::test_other_loop_future
const other_loop_future = coroutine(async function other_loop_future() {
  const otherLoop = newEventLoop();
  const fut = otherLoop.createFuture();
  const runFut = coroutine(async function run(fut: Future<unknown>) {
    await fut;
  });
  print(norm(await aoutcome(createTask(runFut(fut), { name: "runner" }))));
  otherLoop.close();
});

// test_tasks.py::BaseTaskTests::test_task_awaits_on_itself
const task_awaits_on_itself = coroutine(async function task_awaits_on_itself() {
  const test = coroutine(async function test() {
    await task;
  });
  const task: Future<void> = ensureFuture(test());
  (task as Task<void>).setName("self-awaiter");
  print(norm(await aoutcome(task)));
});

// test_tasks.py::BaseTaskTests::test_task_class
const task_class = coroutine(async function task_class() {
  // (The test also makes a task on a second loop it runs by hand.)
  const notmuch = coroutine(async function notmuch() {
    return "ok";
  });
  const t = createTask(notmuch());
  await t;
  print(t.done(), t.result(), t.getLoop() === getRunningLoop());
});

// test_tasks.py::BaseTaskTests::test_ensure_future_coroutine
const ensure_future_coroutine = coroutine(async function ensure_future_coroutine() {
  // (Its part outside any loop asks the policy for a current loop: no policies here.)
  const notmuch = coroutine(async function notmuch() {
    return "ok";
  });
  const t = ensureFuture(notmuch());
  print(t.getLoop() === getRunningLoop(), await t, t.done());
});

// test_tasks.py::BaseTaskTests::test_ensure_future_future
const ensure_future_future = coroutine(async function ensure_future_future() {
  const fOrig = getRunningLoop().createFuture<string>();
  fOrig.setResult("ko");
  const f = ensureFuture(fOrig);
  print(await f, f.done(), f === fOrig);
  const loop = newEventLoop();
  print(outcome(() => ensureFuture(fOrig, loop)));
  loop.close();
  print(ensureFuture(fOrig, getRunningLoop()) === fOrig);
});

// test_tasks.py::BaseTaskTests::test_ensure_future_task
const ensure_future_task = coroutine(async function ensure_future_task() {
  const notmuch = coroutine(async function notmuch() {
    return "ok";
  });
  const tOrig = createTask(notmuch());
  const t = ensureFuture(tOrig);
  print(await t, t.done(), t === tOrig);
  const loop = newEventLoop();
  print(outcome(() => ensureFuture(tOrig, loop)));
  loop.close();
  print(ensureFuture(tOrig, getRunningLoop()) === tOrig);
});

// test_tasks.py::BaseTaskTests::test_ensure_future_neither
function ensure_future_neither() {
  print(outcome(() => ensureFuture("ok" as never)));
}

// test_tasks.py::BaseTaskTests::test_ensure_future_error_msg
const ensure_future_error_msg = coroutine(async function ensure_future_error_msg() {
  const loop = newEventLoop();
  const f = getRunningLoop().createFuture();
  print(outcome(() => ensureFuture(f, loop)));
  loop.close();
});

// test_tasks.py::BaseTaskTests::test_task_repr
const task_repr = coroutine(async function task_repr() {
  // (A plain function stands for the test's callable object `Dummy()`.)
  const notmuch = coroutine(async function notmuch() {
    return "abc";
  });
  function dummy(_fut: unknown) {}
  print(notmuch.name);
  let t = createTask(notmuch(), { name: "TestTask" });
  t.addDoneCallback(dummy);
  print(norm(repr(t)));
  t.cancel(); // does not take effect at once
  print(norm(repr(t)));
  print(await aoutcome(t));
  print(norm(repr(t)));
  t = createTask(notmuch(), { name: "TestTask" });
  await t;
  print(norm(repr(t)));
});

// test_tasks.py::BaseTaskTests::test_task_repr_autogenerated
const task_repr_autogenerated = coroutine(async function task_repr_autogenerated() {
  const notmuch = coroutine(async function notmuch() {
    return 123;
  });
  const t1 = createTask(notmuch());
  const t2 = createTask(notmuch());
  print(repr(t1) !== repr(t2));
  const match1 = /^<Task pending name='Task-(\d+)'/.exec(repr(t1));
  const match2 = /^<Task pending name='Task-(\d+)'/.exec(repr(t2));
  print(match1 !== null, match2 !== null);
  // Default names count up.
  print(Number(match1?.[1]) < Number(match2?.[1]));
  await t1;
  await t2;
});

// test_tasks.py::BaseTaskTests::test_task_set_name_pylong
const task_set_name_pylong = coroutine(async function task_set_name_pylong() {
  const notmuch = coroutine(async function notmuch() {
    return 123;
  });
  const t = createTask(notmuch(), { name: 987654321 as never });
  print(t.getName());
  t.setName(123456789);
  print(t.getName());
  await t;
});

// test_tasks.py::BaseTaskTests::test_task_repr_name_not_str
const task_repr_name_not_str = coroutine(async function task_repr_name_not_str() {
  const notmuch = coroutine(async function notmuch() {
    return 123;
  });
  const t = createTask(notmuch());
  t.setName(new Set([6]));
  print(t.getName());
  await t;
});

// test_tasks.py::BaseTaskTests::test_task_repr_wait_for
const task_repr_wait_for = coroutine(async function task_repr_wait_for() {
  const waitFor = coroutine(async function wait_for(fut: Future<unknown>) {
    return await fut;
  });
  const fut = getRunningLoop().createFuture();
  const task = createTask(waitFor(fut), { name: "waiter" });
  await sleep(0);
  print(norm(repr(task)), repr(task).includes(`wait_for=${repr(fut)}`));
  fut.setResult(undefined);
  await task;
});

// test_tasks.py::BaseTaskTests::test_task_basics
async function task_basics() {
  const outer = coroutine(async function outer() {
    const a = await inner1();
    const b = await inner2();
    return a + b;
  });
  const inner1 = coroutine(async function inner1() {
    return 42;
  });
  const inner2 = coroutine(async function inner2() {
    return 1000;
  });
  print(await run(outer()));
}

// test_tasks.py::BaseTaskTests::test_exception_chaining_after_await
const exception_chaining_after_await = coroutine(async function exception_chaining_after_await() {
  // Awaiting a task that raises while an exception is being handled chains it.
  const raiseError = coroutine(async function raise_error() {
    throw new ValueError();
  });
  try {
    throw new KeyError(3);
  } catch {
    const task = createTask(raiseError());
    try {
      await task;
    } catch (exc) {
      const chained = contextOf(exc);
      print(typeName(exc), chained === undefined ? null : tuple(typeName(chained), (chained as PythonError).args));
    }
  }
});

// test_tasks.py::BaseTaskTests::test_exception_chaining_after_await_with_context_cycle
const exception_chaining_after_await_with_context_cycle = coroutine(
  async function exception_chaining_after_await_with_context_cycle() {
    let hasCycle: boolean | null = null;
    const processExc = coroutine(async function process_exc(exc: unknown) {
      throw exc;
    });
    try {
      throw new KeyError("a");
    } catch (exc) {
      const task = createTask(processExc(exc));
      try {
        await task;
      } catch (exc2) {
        hasCycle = exc2 === contextOf(exc2);
      }
    }
    print(hasCycle);
  },
);

// test_tasks.py::BaseTaskTests::test_cancelling
const cancelling = coroutine(async function cancelling() {
  const task = coroutine(async function task() {
    await sleep(10);
  });
  const t = createTask(task());
  print(t.cancelling(), repr(t).includes(" cancelling "));
  print(t.cancel(), t.cancelling(), repr(t).includes(" cancelling "));
  print(t.cancel());
  print(await aoutcome(t));
});

// test_tasks.py::BaseTaskTests::test_uncancel_basic
const uncancel_basic = coroutine(async function uncancel_basic() {
  const task = coroutine(async function task() {
    try {
      await sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      currentTask()?.uncancel();
      await sleep(10);
    }
  });
  const t = createTask(task());
  await sleep(0.01);
  // Cancel the first sleep.
  print(t.cancel(), repr(t).includes(" cancelling "), t.cancelling(), t.cancelled());
  await sleep(0.01);
  // After uncancel().
  print(repr(t).includes(" cancelling "), t.cancelling(), t.cancelled());
  // Cancel the second sleep.
  print(t.cancel(), t.cancelling(), t.cancelled());
  print(await aoutcome(t));
  print(t.cancelled(), t.done());
  // uncancel() no longer does anything once the task is done.
  t.uncancel();
  print(t.cancelled(), t.done());
});

// test_tasks.py::BaseTaskTests::test_uncancel_structured_blocks
const uncancel_structured_blocks = coroutine(async function uncancel_structured_blocks() {
  const makeRequestWithTimeout = coroutine(async function make_request_with_timeout({
    sleep: sleepFor,
    timeout,
  }: {
    sleep: number;
    timeout: number;
  }) {
    const task = currentTask() as Task<unknown>;
    const loop = task.getLoop();
    let timedOut = false;
    let structuredBlockFinished = false;
    let outerCodeReached = false;
    const onTimeout = () => {
      timedOut = true;
      task.cancel();
    };
    const timeoutHandle = loop.callLater(timeout, onTimeout);
    try {
      // `finally` with `sys.exception()`: the error on its way out, if any.
      let escaping: unknown;
      try {
        // Structured block affected by the timeout.
        await sleep(sleepFor);
        structuredBlockFinished = true;
      } catch (e) {
        escaping = e;
        throw e;
      } finally {
        timeoutHandle.cancel();
        if (timedOut && task.uncancel() === 0 && (escaping as object)?.constructor === CancelledError) {
          throw new TimeoutError();
        }
      }
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print("TimeoutError, timed out:", timedOut);
    }
    // Outer code, not affected by the timeout.
    outerCodeReached = true;
    await sleep(0);
    return tuple(timedOut, structuredBlockFinished, outerCodeReached);
  });
  const t1 = createTask(makeRequestWithTimeout({ sleep: 10.0, timeout: 0.1 }));
  print(await t1, t1.cancelling());
  const t2 = createTask(makeRequestWithTimeout({ sleep: 0, timeout: 10.0 }));
  print(await t2, t2.cancelling());
});

// test_tasks.py::BaseTaskTests::test_uncancel_resets_must_cancel
const uncancel_resets_must_cancel = coroutine(async function uncancel_resets_must_cancel() {
  const coro = coroutine(async function coro() {
    await fut;
    return 42;
  });
  const fut = getRunningLoop().createFuture();
  const task = createTask(coro());
  await sleep(0); // the task waits for fut
  fut.setResult(undefined); // the task can run
  task.cancel();
  print(task.cancelling(), task._mustCancel);
  task.uncancel();
  print(task.cancelling(), task._mustCancel);
  print(await task);
});

// test_tasks.py::BaseTaskTests::test_cancel
const cancel = coroutine(async function cancel() {
  const task = coroutine(async function task() {
    await sleep(10.0);
    return 12;
  });
  const t = createTask(task());
  getRunningLoop().callSoon(() => t.cancel());
  print(await aoutcome(t));
  print(t.done(), t.cancelled(), t.cancel(), getRunningLoop().time().toFixed(2));
});

const CANCEL_ARGS: unknown[][] = [[], [null], ["my message"], [5]];

const cancelWithMessageThen = coroutine(async function cancel_with_message_then(method: "result" | "exception") {
  for (const cancelArgs of CANCEL_ARGS) {
    const sleeper = coroutine(async function sleep_() {
      await sleep(10);
    });
    const coro = coroutine(async function coro() {
      const task = createTask(sleeper());
      await sleep(0);
      task.cancel(...cancelArgs);
      await wait([task]);
      task[method]();
    });
    try {
      await createTask(coro());
    } catch (exc) {
      if (!(exc instanceof CancelledError)) throw exc;
      print(tuple(...cancelArgs), exc.args, innermostContext(exc));
    }
  }
});

// test_tasks.py::BaseTaskTests::test_cancel_with_message_then_future_result
const cancel_with_message_then_future_result = coroutine(async function cancel_with_message_then_future_result() {
  await cancelWithMessageThen("result");
});

// test_tasks.py::BaseTaskTests::test_cancel_with_message_then_future_exception
const cancel_with_message_then_future_exception = coroutine(async function cancel_with_message_then_future_exception() {
  await cancelWithMessageThen("exception");
});

// test_tasks.py::BaseTaskTests::test_cancellation_exception_context
const cancellation_exception_context = coroutine(async function cancellation_exception_context() {
  const loop = getRunningLoop();
  const fut = loop.createFuture();
  const sleeper = coroutine(async function sleep_() {
    fut.setResult(undefined);
    await sleep(10);
  });
  const coro = coroutine(async function coro() {
    const innerTask = createTask(sleeper());
    await fut;
    loop.callSoon(() => innerTask.cancel("msg"));
    try {
      await innerTask;
    } catch (ex) {
      if (ex instanceof CancelledError) throw new ValueError("cancelled", { cause: ex });
      throw ex;
    }
  });
  try {
    await createTask(coro());
  } catch (exc) {
    if (!(exc instanceof ValueError)) throw exc;
    const cause = exc.cause as PythonError;
    print(exc.args, typeName(cause), cause.args, innermostContext(exc));
  }
});

// test_tasks.py::BaseTaskTests::test_cancel_with_message_before_starting_task
const cancel_with_message_before_starting_task = coroutine(async function cancel_with_message_before_starting_task() {
  const sleeper = coroutine(async function sleep_() {
    await sleep(10);
  });
  const coro = coroutine(async function coro() {
    const task = createTask(sleeper());
    // No sleep here: the task is cancelled before it starts.
    task.cancel("my message");
    await wait([task]);
    task.exception();
  });
  try {
    await createTask(coro());
  } catch (exc) {
    if (!(exc instanceof CancelledError)) throw exc;
    print(exc.args, innermostContext(exc));
  }
});

// test_tasks.py::BaseTaskTests::test_cancel_yield
const cancel_yield = coroutine(async function cancel_yield() {
  const task = coroutine(async function task() {
    await sleep(0);
    await sleep(0);
    return 12;
  });
  const t = createTask(task());
  await sleep(0); // start the coroutine
  t.cancel();
  print(await aoutcome(t));
  print(t.done(), t.cancelled(), t.cancel());
});

// test_tasks.py::BaseTaskTests::test_cancel_inner_future
const cancel_inner_future = coroutine(async function cancel_inner_future() {
  const f = getRunningLoop().createFuture();
  const task = coroutine(async function task() {
    await f;
    return 12;
  });
  const t = createTask(task());
  await sleep(0); // start the task
  f.cancel();
  print(await aoutcome(t));
  print(f.cancelled(), t.cancelled());
});

// test_tasks.py::BaseTaskTests::test_cancel_both_task_and_inner_future
const cancel_both_task_and_inner_future = coroutine(async function cancel_both_task_and_inner_future() {
  const f = getRunningLoop().createFuture();
  const task = coroutine(async function task() {
    await f;
    return 12;
  });
  const t = createTask(task());
  await sleep(0);
  f.cancel();
  t.cancel();
  print(await aoutcome(t));
  print(t.done(), f.cancelled(), t.cancelled());
});

// test_tasks.py::BaseTaskTests::test_cancel_task_catching
const cancel_task_catching = coroutine(async function cancel_task_catching() {
  const loop = getRunningLoop();
  const fut1 = loop.createFuture();
  const fut2 = loop.createFuture();
  const task = coroutine(async function task() {
    await fut1;
    try {
      await fut2;
    } catch (e) {
      if (e instanceof CancelledError) return 42;
      throw e;
    }
    return undefined;
  });
  const t = createTask(task());
  await sleep(0);
  print(t._futWaiter === fut1);
  fut1.setResult(undefined);
  await sleep(0);
  await sleep(0);
  print(t._futWaiter === fut2);
  t.cancel();
  print(fut2.cancelled());
  print(await t, t.cancelled());
});

// test_tasks.py::BaseTaskTests::test_cancel_task_ignoring
const cancel_task_ignoring = coroutine(async function cancel_task_ignoring() {
  const loop = getRunningLoop();
  const fut1 = loop.createFuture();
  const fut2 = loop.createFuture();
  const fut3 = loop.createFuture<number>();
  const task = coroutine(async function task() {
    await fut1;
    try {
      await fut2;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
    }
    const res = await fut3;
    return res;
  });
  const t = createTask(task());
  await sleep(0);
  print(t._futWaiter === fut1);
  fut1.setResult(undefined);
  await sleep(0);
  await sleep(0);
  print(t._futWaiter === fut2);
  t.cancel();
  print(fut2.cancelled());
  await sleep(0);
  await sleep(0);
  print(t._futWaiter === fut3);
  fut3.setResult(42);
  print(await t, fut3.cancelled(), t.cancelled());
});

// test_tasks.py::BaseTaskTests::test_cancel_current_task
const cancel_current_task = coroutine(async function cancel_current_task() {
  const task = coroutine(async function task() {
    t.cancel();
    print("must cancel:", t._mustCancel);
    // The sleep is cancelled at once.
    await sleep(100);
    return 12;
  });
  const t: Task<number> = createTask(task());
  print(t.cancelled());
  print(await aoutcome(t));
  print(t.done(), t.cancelled(), t._mustCancel, t.cancel(), getRunningLoop().time().toFixed(2));
});

// test_tasks.py::BaseTaskTests::test_cancel_at_end
const cancel_at_end = coroutine(async function cancel_at_end() {
  // The coroutine ends right after the task is cancelled.
  const task = coroutine(async function task() {
    t.cancel();
    print("must cancel:", t._mustCancel);
    return 12;
  });
  const t: Task<number> = createTask(task());
  print(t.cancelled());
  print(await aoutcome(t));
  print(t.done(), t.cancelled(), t._mustCancel, t.cancel());
});

// test_tasks.py::BaseTaskTests::test_cancel_awaited_task
const cancel_awaited_task = coroutine(async function cancel_awaited_task() {
  // A task cancelling itself, then awaiting a task: that one is cancelled at once (bpo-34872).
  let nestedTask!: Task<void>;
  const fut = getRunningLoop().createFuture();
  const nested = coroutine(async function nested() {
    await fut;
  });
  const coro = coroutine(async function coro() {
    nestedTask = createTask(nested());
    await sleep(0);
    task.cancel();
    await nestedTask;
  });
  const task: Task<void> = createTask(coro());
  print(await aoutcome(task));
  print(task.cancelled(), nestedTask.cancelled(), fut.cancelled());
});

function handlerPrintingExceptions() {
  getRunningLoop().setExceptionHandler((_loop, context) => {
    print("handler:", norm(repr(context.exception)));
  });
}

// test_tasks.py::SetMethodsTest::test_set_result_causes_invalid_state
const set_result_causes_invalid_state = coroutine(async function set_result_causes_invalid_state() {
  handlerPrintingExceptions();
  const foo = coroutine(async function foo() {
    await sleep(0.1);
    return 10;
  });
  const coro = foo();
  const task = createTask(coro, { name: "TestTask" });
  Future.prototype.setResult.call(task, "spam" as never);
  print(await task);
  coro.close();
});

// test_tasks.py::SetMethodsTest::test_set_exception_causes_invalid_state
const set_exception_causes_invalid_state = coroutine(async function set_exception_causes_invalid_state() {
  handlerPrintingExceptions();
  class MyExc extends PythonError {}
  const foo = coroutine(async function foo() {
    await sleep(0.1);
    return 10;
  });
  const coro = foo();
  const task = createTask(coro, { name: "TestTask" });
  Future.prototype.setException.call(task, new MyExc());
  print(await aoutcome(task));
  coro.close();
});

export default () =>
  runTests(
    task_cancel_message_getter,
    task_cancel_message_setter,
    other_loop_future,
    task_awaits_on_itself,
    task_class,
    ensure_future_coroutine,
    ensure_future_future,
    ensure_future_task,
    ensure_future_neither,
    ensure_future_error_msg,
    task_repr,
    task_repr_autogenerated,
    task_set_name_pylong,
    task_repr_name_not_str,
    task_repr_wait_for,
    task_basics,
    exception_chaining_after_await,
    exception_chaining_after_await_with_context_cycle,
    cancelling,
    uncancel_basic,
    uncancel_structured_blocks,
    uncancel_resets_must_cancel,
    cancel,
    cancel_with_message_then_future_result,
    cancel_with_message_then_future_exception,
    cancellation_exception_context,
    cancel_with_message_before_starting_task,
    cancel_yield,
    cancel_inner_future,
    cancel_both_task_and_inner_future,
    cancel_task_catching,
    cancel_task_ignoring,
    cancel_current_task,
    cancel_at_end,
    cancel_awaited_task,
    set_result_causes_invalid_state,
    set_exception_causes_invalid_state,
  );
