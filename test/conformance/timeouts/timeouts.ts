// Ported from CPython 3.13's Lib/test/test_asyncio/test_timeouts.py.
// JavaScript errors have no implicit __context__: the lines that print one differ (timeouts.differs).
import {
  CancelledError,
  type Coroutine,
  coroutine,
  createTask,
  currentTask,
  ExceptionGroup,
  fixed,
  getRunningLoop,
  KeyError,
  print,
  repr,
  sleep,
  Timeout,
  TimeoutError,
  taskGroup,
  timeout,
  timeoutAt,
  ValueError,
  ZeroDivisionError,
} from "../../../src/index.js";
import { aoutcome, contextOf, outcome, runTests, typeName } from "../harness.js";

function kind(e: unknown): string {
  return e === undefined || e === null ? "None" : typeName(e);
}

/** What the tests assert of an exception: its type, its cause and its context (JavaScript has none). */
function chain(e: unknown): string {
  return `${kind(e)} cause=${kind((e as Error).cause)} context=${kind(contextOf(e))}`;
}

function divideByZero(): never {
  throw new ZeroDivisionError("division by zero");
}

/** Await `coro` from a loop callback, outside any task (test_utils.await_without_task). */
const awaitWithoutTask = coroutine(async function await_without_task(
  coro: { then: PromiseLike<unknown>["then"] } | Coroutine<unknown>,
) {
  let exc: { error: unknown } | undefined;
  getRunningLoop().callSoon(
    () =>
      new Promise<void>((resolve) =>
        coro.then(
          () => resolve(),
          (error) => {
            exc = { error };
            resolve();
          },
        ),
      ),
  );
  await sleep(0);
  if (exc !== undefined) throw exc.error;
});

// test_timeouts.py::TimeoutTests::test_timeout_basic
const timeout_basic = coroutine(async function timeout_basic() {
  let cm!: Timeout;
  try {
    await timeout(0.01, async (c) => {
      cm = c;
      await sleep(10);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("TimeoutError");
  }
  print(cm.expired());
});

// test_timeouts.py::TimeoutTests::test_timeout_at_basic
const timeout_at_basic = coroutine(async function timeout_at_basic() {
  const loop = getRunningLoop();
  let cm!: Timeout;
  let deadline = 0;
  try {
    deadline = loop.time() + 0.01;
    await timeoutAt(deadline, async (c) => {
      cm = c;
      await sleep(10);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("TimeoutError");
  }
  print(cm.expired(), deadline === cm.when());
});

// test_timeouts.py::TimeoutTests::test_nested_timeouts
const nested_timeouts = coroutine(async function nested_timeouts() {
  const loop = getRunningLoop();
  let cancelled = false;
  let cm1!: Timeout;
  let cm2!: Timeout;
  try {
    const deadline = loop.time() + 0.01;
    await timeoutAt(deadline, async (c1) => {
      cm1 = c1;
      // Only the outermost raises TimeoutError.
      try {
        await timeoutAt(deadline, async (c2) => {
          cm2 = c2;
          await sleep(10);
        });
      } catch (e) {
        if (e instanceof CancelledError) cancelled = true;
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("TimeoutError");
  }
  print(cancelled, cm1.expired(), cm2.expired());
});

// test_timeouts.py::TimeoutTests::test_waiter_cancelled
const waiter_cancelled = coroutine(async function waiter_cancelled() {
  let cancelled = false;
  try {
    await timeout(0.01, async () => {
      try {
        await sleep(10);
      } catch (e) {
        if (e instanceof CancelledError) cancelled = true;
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("TimeoutError");
  }
  print(cancelled);
});

// test_timeouts.py::TimeoutTests::test_timeout_not_called
const timeout_not_called = coroutine(async function timeout_not_called() {
  const loop = getRunningLoop();
  let cm!: Timeout;
  await timeout(10, async (c) => {
    cm = c;
    await sleep(0.01);
  });
  const t1 = loop.time();
  print(cm.expired(), (cm.when() as number) > t1, fixed(cm.when() as number, 2));
});

// test_timeouts.py::TimeoutTests::test_timeout_disabled
const timeout_disabled = coroutine(async function timeout_disabled() {
  let cm!: Timeout;
  await timeout(null, async (c) => {
    cm = c;
    await sleep(0.01);
  });
  print(cm.expired(), cm.when());
});

// test_timeouts.py::TimeoutTests::test_timeout_at_disabled
const timeout_at_disabled = coroutine(async function timeout_at_disabled() {
  let cm!: Timeout;
  await timeoutAt(null, async (c) => {
    cm = c;
    await sleep(0.01);
  });
  print(cm.expired(), cm.when());
});

const zeroOrPast = coroutine(async function zero_or_past(delay: number, sleepFor: number) {
  const loop = getRunningLoop();
  const t0 = loop.time();
  let cm!: Timeout;
  try {
    await timeout(delay, async (c) => {
      cm = c;
      await sleep(sleepFor);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("TimeoutError");
  }
  const t1 = loop.time();
  const when = cm.when() as number;
  print(cm.expired(), t0 <= when && when <= t1, t0 >= when && when <= t1, fixed(t1 - t0, 2));
});

// test_timeouts.py::TimeoutTests::test_timeout_zero
const timeout_zero = coroutine(async function timeout_zero() {
  await zeroOrPast(0, 10);
});

// test_timeouts.py::TimeoutTests::test_timeout_zero_sleep_zero
const timeout_zero_sleep_zero = coroutine(async function timeout_zero_sleep_zero() {
  await zeroOrPast(0, 0);
});

// test_timeouts.py::TimeoutTests::test_timeout_in_the_past_sleep_zero
const timeout_in_the_past_sleep_zero = coroutine(async function timeout_in_the_past_sleep_zero() {
  await zeroOrPast(-11, 0);
});

// test_timeouts.py::TimeoutTests::test_foreign_exception_passed
const foreign_exception_passed = coroutine(async function foreign_exception_passed() {
  let cm!: Timeout;
  try {
    await timeout(0.01, async (c) => {
      cm = c;
      throw new KeyError();
    });
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print(repr(e));
  }
  print(cm.expired());
});

// test_timeouts.py::TimeoutTests::test_timeout_exception_context
const timeout_exception_context = coroutine(async function timeout_exception_context() {
  try {
    await timeout(0.01, async () => {
      try {
        divideByZero();
      } finally {
        await sleep(1);
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    // TimeoutError caused by the CancelledError raised while handling ZeroDivisionError.
    print(chain(e), contextOf(e) === e.cause);
    print(chain(e.cause));
  }
});

// test_timeouts.py::TimeoutTests::test_foreign_exception_on_timeout
const foreign_exception_on_timeout = coroutine(async function foreign_exception_on_timeout() {
  const crash = coroutine(async function crash() {
    try {
      await sleep(1);
    } finally {
      divideByZero();
    }
  });
  try {
    await timeout(0.01, async () => {
      await crash();
    });
  } catch (e) {
    if (!(e instanceof ZeroDivisionError)) throw e;
    // ZeroDivisionError raised while handling TimeoutError caused by CancelledError (no context here).
    print(chain(e));
  }
});

// test_timeouts.py::TimeoutTests::test_foreign_exception_on_timeout_2
const foreign_exception_on_timeout_2 = coroutine(async function foreign_exception_on_timeout_2() {
  try {
    await timeout(0.01, async () => {
      try {
        try {
          throw new ValueError();
        } finally {
          await sleep(1);
        }
      } finally {
        try {
          throw new KeyError();
        } finally {
          divideByZero();
        }
      }
    });
  } catch (e) {
    if (!(e instanceof ZeroDivisionError)) throw e;
    print(chain(e));
  }
});

// test_timeouts.py::TimeoutTests::test_foreign_cancel_doesnt_timeout_if_not_expired
const foreign_cancel_doesnt_timeout_if_not_expired = coroutine(
  async function foreign_cancel_doesnt_timeout_if_not_expired() {
    let cm!: Timeout;
    try {
      await timeout(10, async (c) => {
        cm = c;
        currentTask()?.cancel();
        await sleep(10);
      });
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("CancelledError");
    }
    print(cm.expired());
  },
);

// test_timeouts.py::TimeoutTests::test_outer_task_is_not_cancelled
const outer_task_is_not_cancelled = coroutine(async function outer_task_is_not_cancelled() {
  const outer = coroutine(async function outer() {
    try {
      await timeout(0.001, async () => {
        await sleep(10);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print("TimeoutError");
    }
  });
  const task = createTask(outer());
  await task;
  print(task.cancelled(), task.done());
});

// test_timeouts.py::TimeoutTests::test_reschedule
const reschedule = coroutine(async function reschedule() {
  const loop = getRunningLoop();
  const fut = loop.createFuture<Timeout>();
  const deadline1 = loop.time() + 10;
  const deadline2 = deadline1 + 20;
  const f = coroutine(async function f() {
    await timeoutAt(deadline1, async (cm) => {
      fut.setResult(cm);
      await sleep(50);
    });
  });
  const task = createTask(f());
  const cm = await fut;
  print(cm.when() === deadline1);
  cm.reschedule(deadline2);
  print(cm.when() === deadline2);
  cm.reschedule(null);
  print(cm.when());
  task.cancel();
  print(await aoutcome(task), cm.expired());
});

// test_timeouts.py::TimeoutTests::test_repr_active
const repr_active = coroutine(async function repr_active() {
  await timeout(10, async (cm) => {
    print(repr(cm));
  });
});

// test_timeouts.py::TimeoutTests::test_repr_expired
const repr_expired = coroutine(async function repr_expired() {
  let cm!: Timeout;
  try {
    await timeout(0.01, async (c) => {
      cm = c;
      await sleep(10);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(repr(cm));
  }
});

// test_timeouts.py::TimeoutTests::test_repr_finished
const repr_finished = coroutine(async function repr_finished() {
  let cm!: Timeout;
  await timeout(10, async (c) => {
    cm = c;
    await sleep(0);
  });
  print(repr(cm));
});

// test_timeouts.py::TimeoutTests::test_repr_disabled
const repr_disabled = coroutine(async function repr_disabled() {
  await timeout(null, async (cm) => {
    print(repr(cm));
  });
});

// test_timeouts.py::TimeoutTests::test_nested_timeout_in_finally
const nested_timeout_in_finally = coroutine(async function nested_timeout_in_finally() {
  let e2: unknown;
  try {
    await timeout(0.01, async () => {
      try {
        await sleep(1);
      } finally {
        try {
          await timeout(0.01, async () => {
            await sleep(10);
          });
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          e2 = e;
        }
      }
    });
  } catch (e1) {
    if (!(e1 instanceof TimeoutError)) throw e1;
    // TimeoutError caused by CancelledError.
    print(chain(e1), contextOf(e1) === e1.cause);
    const e12 = e1.cause;
    print(chain(e12));
    // The inner one: caused by a CancelledError raised while handling the outer CancelledError.
    print(chain(e2), contextOf(e2) === (e2 as Error).cause);
    const e22 = (e2 as Error).cause;
    print(chain(e22), contextOf(e22) === e12);
  }
});

// test_timeouts.py::TimeoutTests::test_timeout_after_cancellation
const timeout_after_cancellation = coroutine(async function timeout_after_cancellation() {
  try {
    currentTask()?.cancel();
    await sleep(1); // work which will be cancelled
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("cancelled");
  } finally {
    try {
      await timeout(0.0, async () => {
        await sleep(1); // some cleanup
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print("TimeoutError");
    }
  }
});

// test_timeouts.py::TimeoutTests::test_cancel_in_timeout_after_cancellation
const cancel_in_timeout_after_cancellation = coroutine(async function cancel_in_timeout_after_cancellation() {
  try {
    currentTask()?.cancel();
    await sleep(1); // work which will be cancelled
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("cancelled");
  } finally {
    try {
      await timeout(1.0, async () => {
        currentTask()?.cancel();
        await sleep(2); // some cleanup
      });
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("CancelledError");
    }
  }
});

// test_timeouts.py::TimeoutTests::test_timeout_finished
const timeout_finished = coroutine(async function timeout_finished() {
  let cm!: Timeout;
  await timeout(0.01, async (c) => {
    cm = c;
  });
  print(outcome(() => cm.reschedule(0.02)));
});

// test_timeouts.py::TimeoutTests::test_timeout_expired
const timeout_expired = coroutine(async function timeout_expired() {
  let cm!: Timeout;
  try {
    await timeout(0.01, async (c) => {
      cm = c;
      await sleep(1);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("TimeoutError");
  }
  print(outcome(() => cm.reschedule(0.02)));
});

// test_timeouts.py::TimeoutTests::test_timeout_expiring
const timeout_expiring = coroutine(async function timeout_expiring() {
  await timeout(0.01, async (cm) => {
    print(await aoutcome(sleep(1)));
    print(outcome(() => cm.reschedule(0.02)));
  });
});

// test_timeouts.py::TimeoutTests::test_timeout_not_entered
const timeout_not_entered = coroutine(async function timeout_not_entered() {
  const cm = new Timeout(getRunningLoop().time() + 0.01);
  print(outcome(() => cm.reschedule(0.02)));
});

// test_timeouts.py::TimeoutTests::test_timeout_without_task
const timeout_without_task = coroutine(async function timeout_without_task() {
  // (The test then checks the same cm has not been entered; here the block makes its own.)
  const enterOutsideATask = coroutine(async function enter_outside_a_task() {
    await timeout(0.01, async () => {});
  });
  print(await aoutcome(awaitWithoutTask(enterOutsideATask())));
});

// test_timeouts.py::TimeoutTests::test_timeout_taskgroup
const timeout_taskgroup = coroutine(async function timeout_taskgroup() {
  const task = coroutine(async function task() {
    try {
      await sleep(2); // interrupted after 0.01 s
    } finally {
      divideByZero(); // crash in cleanup
    }
  });
  try {
    await timeout(0.01, async () => {
      await taskGroup(async (tg) => {
        tg.createTask(task());
        try {
          throw new ValueError();
        } finally {
          await sleep(1);
        }
      });
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    print(chain(eg), eg.exceptions.length);
    const e1 = eg.exceptions[0];
    print(chain(e1));
  }
});

export default () =>
  runTests(
    timeout_basic,
    timeout_at_basic,
    nested_timeouts,
    waiter_cancelled,
    timeout_not_called,
    timeout_disabled,
    timeout_at_disabled,
    timeout_zero,
    timeout_zero_sleep_zero,
    timeout_in_the_past_sleep_zero,
    foreign_exception_passed,
    timeout_exception_context,
    foreign_exception_on_timeout,
    foreign_exception_on_timeout_2,
    foreign_cancel_doesnt_timeout_if_not_expired,
    outer_task_is_not_cancelled,
    reschedule,
    repr_active,
    repr_expired,
    repr_finished,
    repr_disabled,
    nested_timeout_in_finally,
    timeout_after_cancellation,
    cancel_in_timeout_after_cancellation,
    timeout_finished,
    timeout_expired,
    timeout_expiring,
    timeout_not_entered,
    timeout_without_task,
    timeout_taskgroup,
  );
