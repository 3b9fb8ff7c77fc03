// Ported from CPython 3.13's Lib/test/test_asyncio/test_tasks.py: wait(), as_completed()
// and sleep(). CPython's tests drive a test loop whose clock they move by hand
// (advance_time); here the virtual clock moves by itself, and the timings are the same.
import {
  asCompleted,
  sleep as asyncSleep,
  wait as asyncWait,
  type Coroutine,
  coroutine,
  createTask,
  ensureFuture,
  type Future,
  getRunningLoop,
  print,
  type Task,
  TimeoutError,
  tuple,
  ZeroDivisionError,
} from "../../../src/index.js";
import { aoutcome, outcome, runTests, typeName } from "../harness.js";

function now(): string {
  return getRunningLoop().time().toFixed(2);
}

/** A set of tasks as their sorted labels (sets have no order to compare). */
function names(tasks: Iterable<Future<unknown>>, labels: Map<Future<unknown>, string>): string[] {
  return [...tasks].map((t) => labels.get(t) as string).sort();
}

const coroutineFunction = coroutine(async function coroutine_function() {});

// test_tasks.py::BaseTaskTests::test_wait
const wait = coroutine(async function wait() {
  const a = createTask(asyncSleep(0.1));
  const b = createTask(asyncSleep(0.15));
  const labels = new Map<Future<unknown>, string>([
    [a, "a"],
    [b, "b"],
  ]);
  const foo = coroutine(async function foo() {
    const [done, pending] = await asyncWait([b, a]);
    print(names(done, labels), names(pending, labels));
    return 42;
  });
  print(await createTask(foo()), now());
  // Again: no time passes.
  print(await createTask(foo()), now());
});

// test_tasks.py::BaseTaskTests::test_wait_duplicate_coroutines
const wait_duplicate_coroutines = coroutine(async function wait_duplicate_coroutines() {
  const coro = coroutine(async function coro(s: string) {
    return s;
  });
  const c = createTask(coro("test"));
  const [done, pending] = await createTask(asyncWait([c, c, createTask(coro("spam"))]));
  print(pending.size, [...done].map((f) => f.result()).sort());
});

// test_tasks.py::BaseTaskTests::test_wait_errors
const wait_errors = coroutine(async function wait_errors() {
  print(await aoutcome(asyncWait(new Set<Future<unknown>>())));
  const sleepCoro = asyncSleep(10.0);
  print(await aoutcome(asyncWait([sleepCoro as never], { returnWhen: -1 as never })));
  sleepCoro.close();
});

// test_tasks.py::BaseTaskTests::test_wait_first_completed
const wait_first_completed = coroutine(async function wait_first_completed() {
  const a = createTask(asyncSleep(10.0));
  const b = createTask(asyncSleep(0.1));
  const labels = new Map<Future<unknown>, string>([
    [a, "a"],
    [b, "b"],
  ]);
  const [done, pending] = await createTask(asyncWait([b, a], { returnWhen: "FIRST_COMPLETED" }));
  print(names(done, labels), names(pending, labels), a.done(), b.done(), b.result(), now());
  await asyncWait([a, b]);
});

// test_tasks.py::BaseTaskTests::test_wait_really_done
const wait_really_done = coroutine(async function wait_really_done() {
  // Tasks in the pending list may be done with their callbacks not all called yet.
  const coro1 = coroutine(async function coro1() {
    await asyncSleep(0);
  });
  const coro2 = coroutine(async function coro2() {
    await asyncSleep(0);
    await asyncSleep(0);
  });
  const a = createTask(coro1());
  const b = createTask(coro2());
  const labels = new Map<Future<unknown>, string>([
    [a, "a"],
    [b, "b"],
  ]);
  const [done] = await createTask(asyncWait([b, a], { returnWhen: "FIRST_COMPLETED" }));
  print(names(done, labels), a.done(), a.result(), b.done(), b.result());
});

// test_tasks.py::BaseTaskTests::test_wait_first_exception
const wait_first_exception = coroutine(async function wait_first_exception() {
  // A task already has its exception.
  const a = createTask(asyncSleep(10.0));
  const exc = coroutine(async function exc() {
    throw new ZeroDivisionError("err");
  });
  const b = createTask(exc());
  const labels = new Map<Future<unknown>, string>([
    [a, "a"],
    [b, "b"],
  ]);
  const [done, pending] = await createTask(asyncWait<Future<unknown>>([b, a], { returnWhen: "FIRST_EXCEPTION" }));
  print(names(done, labels), names(pending, labels), now());
  await asyncWait<Future<unknown>>([a, b]);
});

// test_tasks.py::BaseTaskTests::test_wait_first_exception_in_wait
const wait_first_exception_in_wait = coroutine(async function wait_first_exception_in_wait() {
  // The exception comes during the wait.
  const a = createTask(asyncSleep(10.0));
  const exc = coroutine(async function exc() {
    await asyncSleep(0.01);
    throw new ZeroDivisionError("err");
  });
  const b = createTask(exc());
  const labels = new Map<Future<unknown>, string>([
    [a, "a"],
    [b, "b"],
  ]);
  const [done, pending] = await asyncWait<Future<unknown>>([b, a], { returnWhen: "FIRST_EXCEPTION" });
  print(names(done, labels), names(pending, labels), now());
  await asyncWait<Future<unknown>>([a, b]);
});

// test_tasks.py::BaseTaskTests::test_wait_with_exception
const wait_with_exception = coroutine(async function wait_with_exception() {
  const a = createTask(asyncSleep(0.1));
  const sleeper = coroutine(async function sleeper() {
    await asyncSleep(0.15);
    throw new ZeroDivisionError("really");
  });
  const b = createTask(sleeper());
  const foo = coroutine(async function foo() {
    const [done, pending] = await asyncWait<Future<unknown>>([b, a]);
    const errors = [...done].filter((f) => f.exception() !== undefined);
    print(done.size, pending.size, errors.length);
  });
  await createTask(foo());
  print(now());
  await createTask(foo());
  print(now());
});

// test_tasks.py::BaseTaskTests::test_wait_with_timeout
const wait_with_timeout = coroutine(async function wait_with_timeout() {
  const a = createTask(asyncSleep(0.1));
  const b = createTask(asyncSleep(0.15));
  const labels = new Map<Future<unknown>, string>([
    [a, "a"],
    [b, "b"],
  ]);
  const foo = coroutine(async function foo() {
    const [done, pending] = await asyncWait([b, a], { timeout: 0.11 });
    print(names(done, labels), names(pending, labels));
  });
  await createTask(foo());
  print(now());
  await asyncWait([a, b]);
});

// test_tasks.py::BaseTaskTests::test_wait_concurrent_complete
const wait_concurrent_complete = coroutine(async function wait_concurrent_complete() {
  const a = createTask(asyncSleep(0.1));
  const b = createTask(asyncSleep(0.15));
  const labels = new Map<Future<unknown>, string>([
    [a, "a"],
    [b, "b"],
  ]);
  const [done, pending] = await asyncWait([b, a], { timeout: 0.1 });
  print(names(done, labels), names(pending, labels), now());
  await asyncWait([a, b]);
});

// test_tasks.py::BaseTaskTests::test_wait_with_iterator_of_tasks
const wait_with_iterator_of_tasks = coroutine(async function wait_with_iterator_of_tasks() {
  const a = createTask(asyncSleep(0.1));
  const b = createTask(asyncSleep(0.15));
  const labels = new Map<Future<unknown>, string>([
    [a, "a"],
    [b, "b"],
  ]);
  const foo = coroutine(async function foo() {
    const [done, pending] = await asyncWait([b, a][Symbol.iterator]());
    print(names(done, labels), names(pending, labels));
    return 42;
  });
  print(await createTask(foo()), now());
});

// test_tasks.py::BaseTaskTests::test_wait_generator
const wait_generator = coroutine(async function wait_generator() {
  const func = coroutine(async function func(a: number) {
    return a;
  });
  function* tasks() {
    for (let i = 0; i < 10; i++) yield createTask(func(i));
  }
  const [done, pending] = await asyncWait(tasks(), { returnWhen: "ALL_COMPLETED" });
  print(
    done.size,
    pending.size,
    [...done].map((t) => t.result()).sort((x, y) => x - y),
  );
});

const sleeper = coroutine(async function sleeper(dt: number, x: string) {
  await asyncSleep(dt);
  return x;
});

// test_tasks.py::BaseTaskTests::test_as_completed
const as_completed = coroutine(async function as_completed() {
  const tryIterator = coroutine(async function try_iterator(awaitables: Coroutine<string>[]) {
    const values: string[] = [];
    for (const f of asCompleted(awaitables)) values.push(await f);
    return values;
  });
  const tryAsyncIterator = coroutine(async function try_async_iterator(awaitables: Coroutine<string>[]) {
    const values: string[] = [];
    for await (const f of asCompleted(awaitables)) values.push(await f);
    return values;
  });
  for (const foo of [tryIterator, tryAsyncIterator]) {
    const start = getRunningLoop().time();
    const a = sleeper(0.01, "a");
    const b = sleeper(0.01, "b");
    const c = sleeper(0.15, "c");
    const res = await createTask(foo([b, c, a]));
    print(foo.name, res.slice(0, 2).sort(), res[2], (getRunningLoop().time() - start).toFixed(2));
  }
});

// test_tasks.py::BaseTaskTests::test_as_completed_same_tasks_in_as_out
const as_completed_same_tasks_in_as_out = coroutine(async function as_completed_same_tasks_in_as_out() {
  // The async iterator yields the awaitables passed in when they are futures.
  const tryAsyncIterator = coroutine(async function try_async_iterator(awaitables: Set<unknown>) {
    const out = new Set<unknown>();
    for await (const outAw of asCompleted(awaitables as Set<Coroutine<unknown>>)) out.add(outAw);
    return out;
  });
  const coro = coroutine(async function coro(i: unknown) {
    return i;
  });
  // Coroutines are not given back (a finished coroutine cannot be reused).
  let awaitablesIn = new Set<unknown>([coro(0), coro(1), coro(2), coro(3)]);
  let awaitablesOut = await tryAsyncIterator(awaitablesIn);
  print([...awaitablesIn].every((aw) => !awaitablesOut.has(aw)));
  // Tasks are.
  const coroObjA = coro("a");
  const taskB = createTask(coro("b"));
  const coroObjC = coro("c");
  const taskD = createTask(coro("d"));
  awaitablesIn = new Set<unknown>([coroObjA, taskB, coroObjC, taskD]);
  awaitablesOut = await tryAsyncIterator(awaitablesIn);
  const both = [...awaitablesIn].filter((aw) => awaitablesOut.has(aw));
  print(both.length === 2 && both.includes(taskB) && both.includes(taskD), awaitablesOut.size);
});

// test_tasks.py::BaseTaskTests::test_as_completed_with_timeout
const as_completed_with_timeout = coroutine(async function as_completed_with_timeout() {
  const tryIterator = coroutine(async function try_iterator(a: Task<string>, b: Task<string>) {
    const values: unknown[] = [];
    for (const f of asCompleted([a, b], { timeout: 0.12 })) {
      try {
        const v = await f;
        values.push(tuple(1, v));
      } catch (exc) {
        if (!(exc instanceof TimeoutError)) throw exc;
        values.push(tuple(2, typeName(exc)));
      }
    }
    return values;
  });
  const tryAsyncIterator = coroutine(async function try_async_iterator(a: Task<string>, b: Task<string>) {
    const values: unknown[] = [];
    try {
      for await (const f of asCompleted([a, b], { timeout: 0.12 })) {
        const v = await f;
        values.push(tuple(1, v));
      }
    } catch (exc) {
      if (!(exc instanceof TimeoutError)) throw exc;
      values.push(tuple(2, typeName(exc)));
    }
    return values;
  });
  for (const foo of [tryIterator, tryAsyncIterator]) {
    const start = getRunningLoop().time();
    const a = createTask(asyncSleep(0.1, "a"));
    const b = createTask(asyncSleep(0.15, "b"));
    const res = await createTask(foo(a, b));
    print(foo.name, res, (getRunningLoop().time() - start).toFixed(2));
    await asyncWait([a, b]);
  }
});

// test_tasks.py::BaseTaskTests::test_as_completed_with_unused_timeout
const as_completed_with_unused_timeout = coroutine(async function as_completed_with_unused_timeout() {
  const tryIterator = coroutine(async function try_iterator(a: Coroutine<string>) {
    for (const f of asCompleted([a], { timeout: 1 })) print(await f);
  });
  const tryAsyncIterator = coroutine(async function try_async_iterator(a: Coroutine<string>) {
    for await (const f of asCompleted([a], { timeout: 1 })) print(await f);
  });
  for (const foo of [tryIterator, tryAsyncIterator]) await createTask(foo(asyncSleep(0.01, "a")));
});

// test_tasks.py::BaseTaskTests::test_as_completed_resume_iterator
const as_completed_resume_iterator = coroutine(async function as_completed_resume_iterator() {
  // The iterator can be taken up again after a break.
  const tryIterator = coroutine(async function try_iterator(awaitables: Coroutine<number>[]) {
    let iterations = 0;
    const iterator = asCompleted(awaitables);
    const collected: number[] = [];
    for (const f of iterator) {
      collected.push(await f);
      iterations += 1;
      if (iterations === 2) break;
    }
    print(collected.length);
    for (const f of iterator) collected.push(await f);
    return collected;
  });
  const tryAsyncIterator = coroutine(async function try_async_iterator(awaitables: Coroutine<number>[]) {
    let iterations = 0;
    const iterator = asCompleted(awaitables);
    const collected: number[] = [];
    for await (const f of iterator) {
      collected.push(await f);
      iterations += 1;
      if (iterations === 2) break;
    }
    print(collected.length);
    for await (const f of iterator) collected.push(await f);
    return collected;
  });
  const coro = coroutine(async function coro(i: number) {
    return i;
  });
  for (const foo of [tryIterator, tryAsyncIterator]) {
    const results = await foo([coro(0), coro(1), coro(2), coro(3)]);
    print(results.sort());
  }
});

// test_tasks.py::BaseTaskTests::test_as_completed_reverse_wait
const as_completed_reverse_wait = coroutine(async function as_completed_reverse_wait() {
  // The first future awaited gets the first result, whatever its place in the list.
  const a = asyncSleep(0.05, "a");
  const b = asyncSleep(0.1, "b");
  const fs = new Set([a, b]);
  const futs = [...asCompleted(fs)];
  print(futs.length);
  const x = await (futs[1] as Coroutine<string>);
  print(x, now());
  const y = await (futs[0] as Coroutine<string>);
  print(y, now());
});

// test_tasks.py::BaseTaskTests::test_as_completed_concurrent
const as_completed_concurrent = coroutine(async function as_completed_concurrent() {
  // Several of as_completed's awaitables may be awaited at once.
  const tryIterator = coroutine(async function try_iterator(fs: Set<Coroutine<string>>) {
    return [...asCompleted(fs)] as (Coroutine<string> | Future<string>)[];
  });
  const tryAsyncIterator = coroutine(async function try_async_iterator(fs: Set<Coroutine<string>>) {
    const out: (Coroutine<string> | Future<string>)[] = [];
    // (TypeScript types a for-await value as awaited; at run time it is the future itself.)
    for await (const f of asCompleted(fs)) out.push(f as unknown as Future<string>);
    return out;
  });
  for (const runner of [tryIterator, tryAsyncIterator]) {
    const a = asyncSleep(0.05, "a");
    const b = asyncSleep(0.05, "b");
    const fs = new Set([a, b]);
    const futs = await runner(fs);
    const [done] = await asyncWait(futs.map((fut) => ensureFuture(fut)));
    print(runner.name, futs.length, [...done].map((f) => f.result()).sort());
  }
});

// test_tasks.py::BaseTaskTests::test_as_completed_duplicate_coroutines
const as_completed_duplicate_coroutines = coroutine(async function as_completed_duplicate_coroutines() {
  const coro = coroutine(async function coro(s: string) {
    return s;
  });
  const tryIterator = coroutine(async function try_iterator() {
    const result: string[] = [];
    const c = coro("ham");
    for (const f of asCompleted([c, c, coro("spam")])) result.push(await f);
    return result;
  });
  const tryAsyncIterator = coroutine(async function try_async_iterator() {
    const result: string[] = [];
    const c = coro("ham");
    for await (const f of asCompleted([c, c, coro("spam")])) result.push(await f);
    return result;
  });
  for (const runner of [tryIterator, tryAsyncIterator]) {
    const result = await createTask(runner());
    print(runner.name, result.sort());
  }
});

// test_tasks.py::BaseTaskTests::test_as_completed_coroutine_use_running_loop
const as_completed_coroutine_use_running_loop = coroutine(async function as_completed_coroutine_use_running_loop() {
  const coro = coroutine(async function coro() {
    return 42;
  });
  const futs = [...asCompleted([coro()])];
  print(futs.length, await (futs[0] as Coroutine<number>));
});

// test_tasks.py::BaseTaskTests::test_as_completed_invalid_args
const as_completed_invalid_args = coroutine(async function as_completed_invalid_args() {
  // A future or a coroutine instead of an iterable: TypeError, at once or at the first step.
  const fut = getRunningLoop().createFuture();
  print(
    outcome(() =>
      asCompleted(fut as never)
        [Symbol.iterator]()
        .next(),
    ),
  );
  let coro = coroutineFunction();
  print(
    outcome(() =>
      asCompleted(coro as never)
        [Symbol.iterator]()
        .next(),
    ),
  );
  coro.close();
  const tryAsyncIterator = coroutine(async function try_async_iterator(aw: unknown) {
    for await (const _ of asCompleted(aw as never)) break;
  });
  print(await aoutcome(tryAsyncIterator(fut)));
  coro = coroutineFunction();
  print(await aoutcome(tryAsyncIterator(coro)));
  coro.close();
});

// test_tasks.py::BaseTaskTests::test_wait_invalid_args
const wait_invalid_args = coroutine(async function wait_invalid_args() {
  const fut = getRunningLoop().createFuture();
  // A list of futures, not a future.
  print(await aoutcome(asyncWait(fut as never)));
  const coro = coroutineFunction();
  print(await aoutcome(asyncWait(coro as never)));
  coro.close();
  // At least one future.
  print(await aoutcome(asyncWait([])));
});

// test_tasks.py::BaseTaskTests::test_sleep
const sleep = coroutine(async function sleep() {
  const sleeper = coroutine(async function sleeper(dt: number, arg: string) {
    await asyncSleep(dt / 2);
    const res = await asyncSleep(dt / 2, arg);
    return res;
  });
  const t = createTask(sleeper(0.1, "yeah"));
  await t;
  print(t.done(), t.result(), now());
});

// test_tasks.py::BaseTaskTests::test_sleep_when_delay_is_nan
const sleep_when_delay_is_nan = coroutine(async function sleep_when_delay_is_nan() {
  const sleeper = coroutine(async function sleeper() {
    await asyncSleep(Number.NaN);
  });
  print(await aoutcome(createTask(sleeper())));
});

// test_tasks.py::BaseTaskTests::test_task_cancel_sleeping_task
const task_cancel_sleeping_task = coroutine(async function task_cancel_sleeping_task() {
  const sleepFor = coroutine(async function sleep(dt: number) {
    await asyncSleep(dt);
  });
  const doit = coroutine(async function doit() {
    const sleeper = createTask(sleepFor(5000));
    getRunningLoop().callLater(0.1, () => sleeper.cancel());
    try {
      await sleeper;
    } catch {
      return "cancelled";
    }
    return "slept in";
  });
  print(await doit(), now());
});

// test_tasks.py::BaseTaskTests::test_task_cancel_waiter_future
const task_cancel_waiter_future = coroutine(async function task_cancel_waiter_future() {
  const fut = getRunningLoop().createFuture();
  const coro = coroutine(async function coro() {
    await fut;
  });
  const task = createTask(coro());
  await asyncSleep(0);
  print(task._futWaiter === fut);
  task.cancel();
  await asyncSleep(0);
  print(await aoutcome(task));
  print(task._futWaiter, fut.cancelled());
});

// test_tasks.py::SleepTests::test_sleep_zero
const sleep_zero = coroutine(async function sleep_zero() {
  let result = 0;
  const incResult = (num: number) => {
    result += num;
  };
  getRunningLoop().callSoon(incResult, 1);
  print(result);
  const num = await asyncSleep(0, 10);
  print(result); // incremented by the callback
  incResult(num);
  print(result);
});

export default () =>
  runTests(
    wait,
    wait_duplicate_coroutines,
    wait_errors,
    wait_first_completed,
    wait_really_done,
    wait_first_exception,
    wait_first_exception_in_wait,
    wait_with_exception,
    wait_with_timeout,
    wait_concurrent_complete,
    wait_with_iterator_of_tasks,
    wait_generator,
    as_completed,
    as_completed_same_tasks_in_as_out,
    as_completed_with_timeout,
    as_completed_with_unused_timeout,
    as_completed_resume_iterator,
    as_completed_reverse_wait,
    as_completed_concurrent,
    as_completed_duplicate_coroutines,
    as_completed_coroutine_use_running_loop,
    as_completed_invalid_args,
    wait_invalid_args,
    sleep,
    sleep_when_delay_is_nan,
    task_cancel_sleeping_task,
    task_cancel_waiter_future,
    sleep_zero,
  );
