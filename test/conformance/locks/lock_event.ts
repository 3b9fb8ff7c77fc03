// Ported from CPython 3.13's Lib/test/test_asyncio/test_locks.py: LockTests and EventTests.
import {
  coroutine,
  createTask,
  Event,
  type Future,
  getRunningLoop,
  Lock,
  print,
  repr,
  sleep,
} from "../../../src/index.js";
import { aoutcome, outcome, runTests } from "../harness.js";

/** The `[...]` part of a primitive's repr (the rest names its address). */
export function extras(obj: unknown): string {
  const text = repr(obj);
  return text.slice(text.indexOf("["));
}

// test_locks.py::LockTests::test_repr
const lock_repr = coroutine(async function lock_repr() {
  const lock = new Lock();
  print(extras(lock), repr(lock).endsWith("[unlocked]>"));
  await lock.acquire();
  print(extras(lock), repr(lock).endsWith("[locked]>"));
});

// test_locks.py::LockTests::test_acquire
const lock_acquire = coroutine(async function lock_acquire() {
  const lock = new Lock();
  const result: number[] = [];
  print(await lock.acquire());

  const c1 = coroutine(async function c1(result: number[]) {
    if (await lock.acquire()) result.push(1);
    return true;
  });
  const c2 = coroutine(async function c2(result: number[]) {
    if (await lock.acquire()) result.push(2);
    return true;
  });
  const c3 = coroutine(async function c3(result: number[]) {
    if (await lock.acquire()) result.push(3);
    return true;
  });

  const t1 = createTask(c1(result));
  const t2 = createTask(c2(result));
  await sleep(0);
  print(result);
  lock.release();
  await sleep(0);
  print(result);
  await sleep(0);
  print(result);
  const t3 = createTask(c3(result));
  lock.release();
  await sleep(0);
  print(result);
  lock.release();
  await sleep(0);
  print(result);
  for (const t of [t1, t2, t3]) print(t.done(), t.result());
});

// test_locks.py::LockTests::test_acquire_cancel
const lock_acquire_cancel = coroutine(async function lock_acquire_cancel() {
  const lock = new Lock();
  print(await lock.acquire());
  const task = createTask(lock.acquire());
  getRunningLoop().callSoon(() => task.cancel());
  print(await aoutcome(task));
  print("waiters left:", lock._waiters?.length);
});

// test_locks.py::LockTests::test_cancel_race
const lock_cancel_race = coroutine(async function lock_cancel_race() {
  // A holds the lock, B and C wait; B is cancelled while A releases: C gets it.
  const lock = new Lock();

  const lockit = coroutine(async function lockit(_name: string, blocker: Future<unknown> | null) {
    await lock.acquire();
    try {
      if (blocker !== null) await blocker;
    } finally {
      lock.release();
    }
  });

  const fa = getRunningLoop().createFuture();
  const ta = createTask(lockit("A", fa));
  await sleep(0);
  print(lock.locked());
  const tb = createTask(lockit("B", null));
  await sleep(0);
  print(lock._waiters?.length);
  const tc = createTask(lockit("C", null));
  await sleep(0);
  print(lock._waiters?.length);
  fa.setResult(undefined);
  tb.cancel();
  print(lock._waiters?.[0]?.cancelled());
  await sleep(0);
  print(lock.locked(), ta.done(), tb.cancelled());
  await tc;
  print("C done", tc.done());
});

// test_locks.py::LockTests::test_cancel_release_race
const lock_cancel_release_race = coroutine(async function lock_cancel_release_race() {
  // Four acquirers, the second cancelled as the first releases: only one takes the lock.
  const loop = getRunningLoop();
  const lock = new Lock();
  let lockCount = 0;
  let callCount = 0;

  const lockit = coroutine(async function lockit() {
    callCount++;
    await lock.acquire();
    lockCount++;
  });

  const trigger = () => {
    t1.cancel();
    lock.release();
  };

  await lock.acquire();
  const t1 = createTask(lockit());
  const t2 = createTask(lockit());
  const t3 = createTask(lockit());
  await sleep(0);
  loop.callSoon(trigger);
  print(await aoutcome(t1));
  print(lockCount, callCount, t1.cancelled() && t2.done());
  t3.cancel();
  await sleep(0);
  print(t3.cancelled());
});

// test_locks.py::LockTests::test_finished_waiter_cancelled
const lock_finished_waiter_cancelled = coroutine(async function lock_finished_waiter_cancelled() {
  const lock = new Lock();
  await lock.acquire();
  print(lock.locked());
  const tb = createTask(lock.acquire());
  await sleep(0);
  print(lock._waiters?.length);
  // A second waiter; wake the first and cancel it: the second must be woken.
  const tc = createTask(lock.acquire());
  tb.cancel();
  lock.release();
  await sleep(0);
  print(lock.locked(), tb.cancelled());
  print(await tc);
});

// test_locks.py::LockTests::test_release_not_acquired
const lock_release_not_acquired = coroutine(async function lock_release_not_acquired() {
  const lock = new Lock();
  print(outcome(() => lock.release()));
});

// test_locks.py::LockTests::test_release_no_waiters
const lock_release_no_waiters = coroutine(async function lock_release_no_waiters() {
  const lock = new Lock();
  await lock.acquire();
  print(lock.locked());
  lock.release();
  print(lock.locked());
});

// test_locks.py::LockTests::test_context_manager
const lock_context_manager = coroutine(async function lock_context_manager() {
  const lock = new Lock();
  print(lock.locked());
  await lock.acquire();
  try {
    print(lock.locked());
  } finally {
    lock.release();
  }
  print(lock.locked());
});

// test_locks.py::EventTests::test_repr
function event_repr() {
  const ev = new Event();
  print(extras(ev));
  ev.set();
  print(extras(ev));
  ev._waiters.push({} as never);
  print(extras(ev));
}

// test_locks.py::EventTests::test_wait
const event_wait = coroutine(async function event_wait() {
  const ev = new Event();
  print(ev.isSet());
  const result: number[] = [];

  const c1 = coroutine(async function c1(result: number[]) {
    if (await ev.wait()) result.push(1);
  });
  const c2 = coroutine(async function c2(result: number[]) {
    if (await ev.wait()) result.push(2);
  });
  const c3 = coroutine(async function c3(result: number[]) {
    if (await ev.wait()) result.push(3);
  });

  const t1 = createTask(c1(result));
  const t2 = createTask(c2(result));
  await sleep(0);
  print(result);
  const t3 = createTask(c3(result));
  ev.set();
  await sleep(0);
  print(result);
  for (const t of [t1, t2, t3]) print(t.done(), t.result());
});

// test_locks.py::EventTests::test_wait_on_set
const event_wait_on_set = coroutine(async function event_wait_on_set() {
  const ev = new Event();
  ev.set();
  print(await ev.wait());
});

// test_locks.py::EventTests::test_wait_cancel
const event_wait_cancel = coroutine(async function event_wait_cancel() {
  const ev = new Event();
  const wait = createTask(ev.wait());
  getRunningLoop().callSoon(() => wait.cancel());
  print(await aoutcome(wait));
  print("waiters left:", ev._waiters.length);
});

// test_locks.py::EventTests::test_clear
const event_clear = coroutine(async function event_clear() {
  const ev = new Event();
  print(ev.isSet());
  ev.set();
  print(ev.isSet());
  ev.clear();
  print(ev.isSet());
});

// test_locks.py::EventTests::test_clear_with_waiters
const event_clear_with_waiters = coroutine(async function event_clear_with_waiters() {
  const ev = new Event();
  const result: number[] = [];

  const c1 = coroutine(async function c1(result: number[]) {
    if (await ev.wait()) result.push(1);
    return true;
  });

  const t = createTask(c1(result));
  await sleep(0);
  print(result);
  ev.set();
  ev.clear();
  print(ev.isSet());
  ev.set();
  ev.set();
  print(ev._waiters.length);
  await sleep(0);
  print(result, ev._waiters.length);
  print(t.done(), t.result());
});

export default () =>
  runTests(
    lock_repr,
    lock_acquire,
    lock_acquire_cancel,
    lock_cancel_race,
    lock_cancel_release_race,
    lock_finished_waiter_cancelled,
    lock_release_not_acquired,
    lock_release_no_waiters,
    lock_context_manager,
    event_repr,
    event_wait,
    event_wait_on_set,
    event_wait_cancel,
    event_clear,
    event_clear_with_waiters,
  );
