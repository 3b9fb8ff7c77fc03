// Ported from CPython 3.13's Lib/test/test_asyncio/test_locks.py: ConditionTests.
import {
  CancelledError,
  Condition,
  coroutine,
  createTask,
  getRunningLoop,
  Lock,
  print,
  Runner,
  sleep,
  type Task,
  TimeoutError,
  timeout,
  waitFor,
} from "../../../src/index.js";
import { aoutcome, norm, outcome, runTests } from "../harness.js";
import { extras } from "./lock_event.js";

const threeWaiters = coroutine(async function three_waiters(cond: Condition, result: number[], releaseAfter: boolean) {
  const waiter = coroutine(async function waiter(n: number) {
    await cond.acquire();
    if (await cond.wait()) {
      result.push(n);
      if (releaseAfter) cond.release();
    }
    return true;
  });
  return [1, 2, 3].map((n) => createTask(waiter(n)));
});

// test_locks.py::ConditionTests::test_wait
const wait = coroutine(async function wait() {
  const cond = new Condition();
  const result: number[] = [];
  const tasks = await threeWaiters(cond, result, false);
  await sleep(0);
  print(result, cond.locked());
  print(await cond.acquire());
  cond.notify();
  await sleep(0);
  print(result, cond.locked());
  cond.release();
  await sleep(0);
  print(result, cond.locked());
  cond.notify(2);
  await sleep(0);
  print(result, cond.locked());
  cond.release();
  await sleep(0);
  print(result, cond.locked());
  cond.release();
  await sleep(0);
  print(result, cond.locked());
  for (const t of tasks) print(t.done(), t.result());
});

// test_locks.py::ConditionTests::test_wait_cancel
const wait_cancel = coroutine(async function wait_cancel() {
  const cond = new Condition();
  await cond.acquire();
  const wait = createTask(cond.wait());
  getRunningLoop().callSoon(() => wait.cancel());
  print(await aoutcome(wait));
  print(cond._waiters.length, cond.locked());
});

// test_locks.py::ConditionTests::test_wait_cancel_contested
const wait_cancel_contested = coroutine(async function wait_cancel_contested() {
  const cond = new Condition();
  await cond.acquire();
  print(cond.locked());
  const waitTask = createTask(cond.wait());
  await sleep(0);
  print(cond.locked());
  // Notify, but contest the lock before cancelling.
  await cond.acquire();
  print(cond.locked());
  cond.notify();
  getRunningLoop().callSoon(() => waitTask.cancel());
  getRunningLoop().callSoon(() => cond.release());
  print(await aoutcome(waitTask));
  print(cond.locked());
});

// test_locks.py::ConditionTests::test_wait_cancel_after_notify
const wait_cancel_after_notify = coroutine(async function wait_cancel_after_notify() {
  let waited = false;
  const cond = new Condition();

  const waitOnCond = coroutine(async function wait_on_cond() {
    await cond.acquire();
    try {
      waited = true;
      await cond.wait();
    } finally {
      cond.release();
    }
  });

  const waiter = createTask(waitOnCond());
  await sleep(0);
  await cond.acquire();
  cond.notify();
  await sleep(0);
  waiter.cancel();
  await sleep(0);
  cond.release();
  await sleep(0);
  print(waiter.cancelled(), waited);
});

// test_locks.py::ConditionTests::test_wait_unacquired
const wait_unacquired = coroutine(async function wait_unacquired() {
  const cond = new Condition();
  print(await aoutcome(cond.wait()));
});

// test_locks.py::ConditionTests::test_wait_for
const wait_for = coroutine(async function wait_for() {
  const cond = new Condition();
  let presult = false;
  const predicate = () => presult;
  const result: number[] = [];

  const c1 = coroutine(async function c1(result: number[]) {
    await cond.acquire();
    if (await cond.waitFor(predicate)) {
      result.push(1);
      cond.release();
    }
    return true;
  });

  const t = createTask(c1(result));
  await sleep(0);
  print(result);
  await cond.acquire();
  cond.notify();
  cond.release();
  await sleep(0);
  print(result);
  presult = true;
  await cond.acquire();
  cond.notify();
  cond.release();
  await sleep(0);
  print(result, t.done(), t.result());
});

// test_locks.py::ConditionTests::test_wait_for_unacquired
const wait_for_unacquired = coroutine(async function wait_for_unacquired() {
  const cond = new Condition();
  // The predicate may be true at once (an unacquired lock does not matter then).
  print(await cond.waitFor(() => [1, 2, 3]));
  print(await aoutcome(cond.waitFor(() => false)));
  // Python's truth: an empty list is false.
  print(await aoutcome(cond.waitFor(() => [])));
});

// test_locks.py::ConditionTests::test_notify
const notify = coroutine(async function notify() {
  const cond = new Condition();
  const result: number[] = [];
  const tasks = await threeWaiters(cond, result, true);
  await sleep(0);
  print(result);
  await cond.acquire();
  cond.notify(1);
  cond.release();
  await sleep(0);
  print(result);
  await cond.acquire();
  cond.notify(1);
  cond.notify(2048);
  cond.release();
  await sleep(0);
  print(result);
  for (const t of tasks) print(t.done(), t.result());
});

// test_locks.py::ConditionTests::test_notify_all
const notify_all = coroutine(async function notify_all() {
  const cond = new Condition();
  const result: number[] = [];

  const waiter = coroutine(async function waiter(n: number) {
    await cond.acquire();
    if (await cond.wait()) {
      result.push(n);
      cond.release();
    }
    return true;
  });

  const t1 = createTask(waiter(1));
  const t2 = createTask(waiter(2));
  await sleep(0);
  print(result);
  await cond.acquire();
  cond.notifyAll();
  cond.release();
  await sleep(0);
  print(result);
  for (const t of [t1, t2]) print(t.done(), t.result());
});

// test_locks.py::ConditionTests::test_notify_unacquired
function notify_unacquired() {
  const cond = new Condition();
  print(outcome(() => cond.notify()));
}

// test_locks.py::ConditionTests::test_notify_all_unacquired
function notify_all_unacquired() {
  const cond = new Condition();
  print(outcome(() => cond.notifyAll()));
}

// test_locks.py::ConditionTests::test_repr
const condition_repr = coroutine(async function condition_repr() {
  const cond = new Condition();
  print(extras(cond));
  await cond.acquire();
  print(extras(cond));
  cond._waiters.push({} as never);
  print(extras(cond));
  cond._waiters.push({} as never);
  print(extras(cond));
});

// test_locks.py::ConditionTests::test_context_manager
const context_manager = coroutine(async function context_manager() {
  const cond = new Condition();
  print(cond.locked());
  await cond.acquire();
  try {
    print(cond.locked());
  } finally {
    cond.release();
  }
  print(cond.locked());
});

// test_locks.py::ConditionTests::test_explicit_lock
const explicit_lock = coroutine(async function explicit_lock() {
  const f = coroutine(async function f(lock?: Lock, cond?: Condition) {
    lock ??= new Lock();
    cond ??= new Condition(lock);
    print(cond._lock === lock, lock.locked(), cond.locked());
    await cond.acquire();
    try {
      print(lock.locked(), cond.locked());
    } finally {
      cond.release();
    }
    print(lock.locked(), cond.locked());
    await lock.acquire();
    try {
      print(lock.locked(), cond.locked());
    } finally {
      lock.release();
    }
    print(lock.locked(), cond.locked());
  });

  await f();
  await f(new Lock());
  const lock = new Lock();
  await f(lock, new Condition(lock));
});

// test_locks.py::ConditionTests::test_ambiguous_loops
const ambiguous_loops = coroutine(async function ambiguous_loops() {
  // (The test also checks that `loop=` is refused: JavaScript has no keyword arguments.)
  const loop = new Runner().loop;

  const wrongLoopInLock = coroutine(async function wrong_loop_in_lock() {
    const lock = new Lock();
    lock._loop = loop;
    await lock.acquire();
    try {
      // Acquired at once by the fast path, without the loop; waiting finds the mismatch.
      const cond = new Condition(lock);
      print(norm(await aoutcome(cond.acquire())));
    } finally {
      lock.release();
    }
  });

  const wrongLoopInCond = coroutine(async function wrong_loop_in_cond() {
    const lock = new Lock();
    await lock.acquire();
    try {
      const cond = new Condition(lock);
      cond._loop = loop;
      print(norm(await aoutcome(cond.wait())));
      print(lock.locked());
    } finally {
      lock.release();
    }
  });

  await wrongLoopInLock();
  await wrongLoopInCond();
  loop.close();
});

// test_locks.py::ConditionTests::test_timeout_in_block
const timeout_in_block = coroutine(async function timeout_in_block() {
  const condition = new Condition();
  await condition.acquire();
  try {
    print(await aoutcome(waitFor(condition.wait(), 0.5)));
    print(condition.locked());
  } finally {
    condition.release();
  }
});

/** test_cancelled_error_wakeup and _re_aquire: the CancelledError caught inside is the one the awaiter gets. */
const cancelledErrorKept = coroutine(async function cancelled_error_kept(reacquire: boolean) {
  let wake = false;
  let raised: CancelledError | undefined;
  const cond = new Condition();

  const func = coroutine(async function func() {
    await cond.acquire();
    try {
      try {
        await cond.waitFor(() => wake);
      } catch (err) {
        if (!(err instanceof CancelledError)) throw err;
        raised = err;
      }
      throw raised;
    } finally {
      cond.release();
    }
  });

  const task = createTask(func());
  await sleep(0);
  if (reacquire) {
    await cond.acquire();
    wake = true;
    cond.notify();
    await sleep(0);
    task.cancel("foo");
    cond.release();
  } else {
    task.cancel("foo");
  }
  try {
    await task;
  } catch (err) {
    if (!(err instanceof CancelledError)) throw err;
    print(err.args, err === raised);
  }
});

// test_locks.py::ConditionTests::test_cancelled_error_wakeup
const cancelled_error_wakeup = coroutine(async function cancelled_error_wakeup() {
  // A CancelledError received while waiting for the wake-up is re-raised unchanged.
  await cancelledErrorKept(false);
});

// test_locks.py::ConditionTests::test_cancelled_error_re_aquire
const cancelled_error_re_aquire = coroutine(async function cancelled_error_re_aquire() {
  // A CancelledError received while taking the lock again is re-raised unchanged.
  await cancelledErrorKept(true);
});

const consumersRace = coroutine(async function consumers_race(relock: boolean) {
  // A task cancelled as it is notified must not lose the wake-up.
  const condition = new Condition();
  let state = 0;

  const consumer = coroutine(async function consumer() {
    await condition.acquire();
    try {
      for (;;) {
        await condition.waitFor(() => state !== 0);
        if (state < 0) return;
        state -= 1;
      }
    } finally {
      condition.release();
    }
  });

  const c: Task<void>[] = [createTask(consumer()), createTask(consumer())];
  await sleep(0);
  await condition.acquire();
  try {
    state += 1;
    condition.notify(1);
    // Let the woken task settle on taking the lock again, then cancel it there.
    if (relock) await sleep(0);
    c[0]?.cancel();
    try {
      await timeout(0.01, async () => {
        await condition.waitFor(() => state === 0);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
    }
    print("state", state);
    state = -1;
    condition.notifyAll();
  } finally {
    condition.release();
  }
  await c[1];
  print(c[0]?.cancelled(), c[1]?.done());
});

// test_locks.py::ConditionTests::test_cancelled_wakeup
const cancelled_wakeup = coroutine(async function cancelled_wakeup() {
  await consumersRace(false);
});

// test_locks.py::ConditionTests::test_cancelled_wakeup_relock
const cancelled_wakeup_relock = coroutine(async function cancelled_wakeup_relock() {
  await consumersRace(true);
});

export default () =>
  runTests(
    wait,
    wait_cancel,
    wait_cancel_contested,
    wait_cancel_after_notify,
    wait_unacquired,
    wait_for,
    wait_for_unacquired,
    notify,
    notify_all,
    notify_unacquired,
    notify_all_unacquired,
    condition_repr,
    context_manager,
    explicit_lock,
    ambiguous_loops,
    timeout_in_block,
    cancelled_error_wakeup,
    cancelled_error_re_aquire,
    cancelled_wakeup,
    cancelled_wakeup_relock,
  );
