// Ported from CPython 3.13's Lib/test/test_asyncio/test_locks.py: SemaphoreTests.
import {
  BoundedSemaphore,
  CancelledError,
  coroutine,
  createTask,
  gather,
  getRunningLoop,
  print,
  repr,
  Semaphore,
  sleep,
  type Task,
  taskGroup,
  waitFor,
} from "../../../src/index.js";
import { aoutcome, outcome, runTests } from "../harness.js";
import { extras } from "./lock_event.js";

// test_locks.py::SemaphoreTests::test_initial_value_zero
function initial_value_zero() {
  const sem = new Semaphore(0);
  print(sem.locked());
}

// test_locks.py::SemaphoreTests::test_repr
const semaphore_repr = coroutine(async function semaphore_repr() {
  const sem = new Semaphore();
  print(extras(sem));
  await sem.acquire();
  print(extras(sem));
  sem._waiters ??= [];
  sem._waiters.push(getRunningLoop().createFuture<boolean>());
  print(extras(sem));
  sem._waiters.push(getRunningLoop().createFuture<boolean>());
  print(extras(sem));
  print(extras(new BoundedSemaphore(3)), repr(new BoundedSemaphore(3)).startsWith("<asyncio.locks.BoundedSemaphore"));
});

// test_locks.py::SemaphoreTests::test_semaphore
const semaphore = coroutine(async function semaphore() {
  // (The test also checks that `await sem` is a TypeError: JavaScript awaits any value.)
  const sem = new Semaphore();
  print(sem._value, sem.locked());
});

// test_locks.py::SemaphoreTests::test_semaphore_value
function semaphore_value() {
  print(outcome(() => new Semaphore(-1)));
  print(outcome(() => new BoundedSemaphore(-1)));
}

// test_locks.py::SemaphoreTests::test_acquire
const acquire = coroutine(async function acquire() {
  const sem = new Semaphore(3);
  const result: number[] = [];
  print(await sem.acquire(), await sem.acquire(), sem.locked());

  const c = coroutine(async function c(n: number) {
    await sem.acquire();
    result.push(n);
    return true;
  });

  const t1 = createTask(c(1));
  const t2 = createTask(c(2));
  const t3 = createTask(c(3));
  await sleep(0);
  print(result, sem.locked(), sem._waiters?.length, sem._value);
  const t4 = createTask(c(4));
  sem.release();
  sem.release();
  print(sem._value);
  await sleep(0);
  print(sem._value, result.length, sem.locked(), sem._waiters?.length, sem._value);
  print(t1.done(), t1.result());
  const raceTasks = [t2, t3, t4];
  print(raceTasks.map((t) => t.done() && t.result()));
  sem.release();
  await gather(...raceTasks);
  print(result);
});

// test_locks.py::SemaphoreTests::test_acquire_cancel
const acquire_cancel = coroutine(async function acquire_cancel() {
  const sem = new Semaphore();
  await sem.acquire();
  const acquire = createTask(sem.acquire());
  getRunningLoop().callSoon(() => acquire.cancel());
  print(await aoutcome(acquire));
  print(!sem._waiters?.length || sem._waiters.every((waiter) => waiter.done()));
});

// test_locks.py::SemaphoreTests::test_acquire_cancel_before_awoken
const acquire_cancel_before_awoken = coroutine(async function acquire_cancel_before_awoken() {
  const sem = new Semaphore(0);
  const [t1, t2, t3, t4] = [1, 2, 3, 4].map(() => createTask(sem.acquire())) as Task<true>[] as [
    Task<true>,
    Task<true>,
    Task<true>,
    Task<true>,
  ];
  await sleep(0);
  t1.cancel();
  t2.cancel();
  sem.release();
  await sleep(0);
  await sleep(0);
  print([t3, t4].filter((t) => t.done()).length, t3.done(), t4.done());
  t3.cancel();
  t4.cancel();
  await sleep(0);
});

// test_locks.py::SemaphoreTests::test_acquire_hang
const acquire_hang = coroutine(async function acquire_hang() {
  const sem = new Semaphore(0);
  const t1 = createTask(sem.acquire());
  const t2 = createTask(sem.acquire());
  await sleep(0);
  t1.cancel();
  sem.release();
  await sleep(0);
  await sleep(0);
  print(sem.locked(), t2.done());
});

// test_locks.py::SemaphoreTests::test_acquire_no_hang
const acquire_no_hang = coroutine(async function acquire_no_hang() {
  const sem = new Semaphore(1);
  const reached: string[] = [];

  const c1 = coroutine(async function c1() {
    await sem.acquire();
    try {
      await sleep(0);
    } finally {
      sem.release();
    }
    t2.cancel();
  });

  const c2 = coroutine(async function c2() {
    await sem.acquire();
    try {
      reached.push("c2");
    } finally {
      sem.release();
    }
  });

  const t1 = createTask(c1());
  const t2 = createTask(c2());
  const [r1, r2] = await gather(t1, t2, { returnExceptions: true });
  print(r1 === undefined, r2 instanceof CancelledError, reached);
  print(await waitFor(sem.acquire(), 1.0));
});

// test_locks.py::SemaphoreTests::test_release_not_acquired
function release_not_acquired() {
  const sem = new BoundedSemaphore();
  print(outcome(() => sem.release()));
}

// test_locks.py::SemaphoreTests::test_release_no_waiters
const release_no_waiters = coroutine(async function release_no_waiters() {
  const sem = new Semaphore();
  await sem.acquire();
  print(sem.locked());
  sem.release();
  print(sem.locked());
});

// test_locks.py::SemaphoreTests::test_acquire_fifo_order
const acquire_fifo_order = coroutine(async function acquire_fifo_order() {
  const sem = new Semaphore(1);
  const result: string[] = [];

  const coro = coroutine(async function coro(tag: string) {
    await sem.acquire();
    result.push(`${tag}_1`);
    await sleep(0.01);
    sem.release();
    await sem.acquire();
    result.push(`${tag}_2`);
    await sleep(0.01);
    sem.release();
  });

  await taskGroup(async (tg) => {
    tg.createTask(coro("c1"));
    tg.createTask(coro("c2"));
    tg.createTask(coro("c3"));
  });
  print(result);
});

// test_locks.py::SemaphoreTests::test_acquire_fifo_order_2
const acquire_fifo_order_2 = coroutine(async function acquire_fifo_order_2() {
  const sem = new Semaphore(1);
  const result: number[] = [];

  const c1 = coroutine(async function c1(result: number[]) {
    await sem.acquire();
    result.push(1);
    return true;
  });
  const c2 = coroutine(async function c2(result: number[]) {
    await sem.acquire();
    result.push(2);
    sem.release();
    await sem.acquire();
    result.push(4);
    return true;
  });
  const c3 = coroutine(async function c3(result: number[]) {
    await sem.acquire();
    result.push(3);
    return true;
  });

  const t1 = createTask(c1(result));
  const t2 = createTask(c2(result));
  const t3 = createTask(c3(result));
  await sleep(0);
  sem.release();
  sem.release();
  await gather(t1, t2, t3);
  print(result);
});

// test_locks.py::SemaphoreTests::test_acquire_fifo_order_3
const acquire_fifo_order_3 = coroutine(async function acquire_fifo_order_3() {
  const sem = new Semaphore(0);
  const result: number[] = [];

  const c = coroutine(async function c(n: number) {
    await sem.acquire();
    result.push(n);
    return true;
  });

  const t1 = createTask(c(1));
  const t2 = createTask(c(2));
  const t3 = createTask(c(3));
  await sleep(0);
  t1.cancel();
  await sleep(0);
  sem.release();
  sem.release();
  await gather(t1, t2, t3, { returnExceptions: true });
  print(result);
});

// test_locks.py::SemaphoreTests::test_acquire_fifo_order_4
const acquire_fifo_order_4 = coroutine(async function acquire_fifo_order_4() {
  // A successful acquire() wakes every task the FIFO rule held back.
  const sem = new Semaphore(0);
  const result: number[] = [];
  let t4: Task<boolean> | undefined;

  const c1 = coroutine(async function c1(result: number[]) {
    print("c1 starts, value", sem._value);
    await sem.acquire();
    print("c1 acquired, value", sem._value);
    t4 = createTask(c4(result));
    result.push(1);
    return true;
  });
  const c2 = coroutine(async function c2(result: number[]) {
    sem.release();
    sem.release();
    sem.release();
    print("c2 released three, value", sem._value, "locked", sem.locked());
    await sem.acquire();
    result.push(2);
    return true;
  });
  const c3 = coroutine(async function c3(result: number[]) {
    await sem.acquire();
    print("c3 acquired, locked", sem.locked());
    result.push(3);
    return true;
  });
  const c4 = coroutine(async function c4(result: number[]) {
    result.push(4);
    return true;
  });

  const t1 = createTask(c1(result));
  const t2 = createTask(c2(result));
  const t3 = createTask(c3(result));
  await sleep(0);
  print(sem._value, sem._waiters?.length);
  await sleep(0);
  await gather(t1, t2, t3, t4 as Task<boolean>);
  print(result);
});

export default () =>
  runTests(
    initial_value_zero,
    semaphore_repr,
    semaphore,
    semaphore_value,
    acquire,
    acquire_cancel,
    acquire_cancel_before_awoken,
    acquire_hang,
    acquire_no_hang,
    release_not_acquired,
    release_no_waiters,
    acquire_fifo_order,
    acquire_fifo_order_2,
    acquire_fifo_order_3,
    acquire_fifo_order_4,
  );
