// Ported from CPython 3.13's Lib/test/test_asyncio/test_tasks.py: shield(), gather(),
// cancellation through awaits, current_task() and create_task().
import {
  CancelledError,
  type Coroutine,
  coroutine,
  createTask,
  currentTask,
  ensureFuture,
  Future,
  gather,
  getRunningLoop,
  isCoroutine,
  KeyboardInterrupt,
  print,
  Runner,
  RuntimeError,
  repr,
  run,
  shield,
  sleep,
  Task,
  tuple,
  wait,
  ZeroDivisionError,
} from "../../../src/index.js";
import { aoutcome, contextOf, outcome, runTests, typeName } from "../harness.js";

function newFuture<T = unknown>(): Future<T> {
  return getRunningLoop().createFuture<T>();
}

/** test_utils.run_briefly: let the loop run what is ready. */
const runBriefly = coroutine(async function run_briefly() {
  await sleep(0);
  await sleep(0);
});

/** GatherTestsBase._run_loop: run until nothing is ready (a few iterations here). */
const runLoop = coroutine(async function run_loop() {
  for (let i = 0; i < 5; i++) await sleep(0);
});

const coroutineFunction = coroutine(async function coroutine_function() {});

// test_tasks.py::BaseTaskTests::test_yield_future_passes_cancel
const yield_future_passes_cancel = coroutine(async function yield_future_passes_cancel() {
  // Cancelling outer() cancels inner(), which cancels the waiter.
  let proof = 0;
  const waiter = newFuture();
  const inner = coroutine(async function inner() {
    try {
      await waiter;
    } catch (e) {
      if (e instanceof CancelledError) proof += 1;
      throw e;
    }
    print("got past sleep() in inner()");
  });
  const outer = coroutine(async function outer() {
    try {
      await inner();
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      proof += 100; // expected
      return;
    }
    proof += 10;
  });
  const f = ensureFuture(outer());
  await runBriefly();
  f.cancel();
  await f;
  print(proof, waiter.cancelled());
});

// test_tasks.py::BaseTaskTests::test_yield_wait_does_not_shield_cancel
const yield_wait_does_not_shield_cancel = coroutine(async function yield_wait_does_not_shield_cancel() {
  // Cancelling outer() makes wait() return early and leaves inner() running.
  let proof = 0;
  const waiter = newFuture();
  const inner = coroutine(async function inner() {
    await waiter;
    proof += 1;
  });
  const outer = coroutine(async function outer() {
    await wait([createTask(inner())]);
    proof += 100;
  });
  const f = ensureFuture(outer());
  await runBriefly();
  f.cancel();
  print(await aoutcome(f));
  waiter.setResult(undefined);
  await runBriefly();
  print(proof);
});

// test_tasks.py::BaseTaskTests::test_shield_result
const shield_result = coroutine(async function shield_result() {
  const inner = newFuture<number>();
  const outer = shield(inner);
  inner.setResult(42);
  print(await outer);
});

// test_tasks.py::BaseTaskTests::test_shield_exception
const shield_exception = coroutine(async function shield_exception() {
  const inner = newFuture();
  const outer = shield(inner);
  await runBriefly();
  const exc = new RuntimeError("expected");
  inner.setException(exc);
  await runBriefly();
  print(outer.exception() === exc);
});

// test_tasks.py::BaseTaskTests::test_shield_cancel_inner
const shield_cancel_inner = coroutine(async function shield_cancel_inner() {
  const inner = newFuture();
  const outer = shield(inner);
  await runBriefly();
  inner.cancel();
  await runBriefly();
  print(outer.cancelled());
});

// test_tasks.py::BaseTaskTests::test_shield_cancel_outer
const shield_cancel_outer = coroutine(async function shield_cancel_outer() {
  // (The test also checks the outer future's private callback list is empty.)
  const inner = newFuture();
  const outer = shield(inner);
  await runBriefly();
  outer.cancel();
  await runBriefly();
  print(outer.cancelled(), inner.cancelled());
});

// test_tasks.py::BaseTaskTests::test_shield_shortcut
const shield_shortcut = coroutine(async function shield_shortcut() {
  const fut = newFuture<number>();
  fut.setResult(42);
  print(await shield(fut), shield(fut) === fut);
});

// test_tasks.py::BaseTaskTests::test_shield_effect
const shield_effect = coroutine(async function shield_effect() {
  // Cancelling outer() does not affect inner().
  let proof = 0;
  const waiter = newFuture();
  const inner = coroutine(async function inner() {
    await waiter;
    proof += 1;
  });
  const outer = coroutine(async function outer() {
    await shield(inner());
    proof += 100;
  });
  const f = ensureFuture(outer());
  await runBriefly();
  f.cancel();
  print(await aoutcome(f));
  waiter.setResult(undefined);
  await runBriefly();
  print(proof);
});

// test_tasks.py::BaseTaskTests::test_shield_gather
const shield_gather = coroutine(async function shield_gather() {
  const child1 = newFuture<number>();
  const child2 = newFuture<number>();
  const parent = gather(child1, child2);
  const outer = shield(parent);
  await runBriefly();
  outer.cancel();
  await runBriefly();
  print(outer.cancelled());
  child1.setResult(1);
  child2.setResult(2);
  await runBriefly();
  print(parent.result());
});

// test_tasks.py::BaseTaskTests::test_gather_shield
const gather_shield = coroutine(async function gather_shield() {
  const child1 = newFuture<number>();
  const child2 = newFuture<number>();
  const inner1 = shield(child1);
  const inner2 = shield(child2);
  const parent = gather(inner1, inner2);
  await runBriefly();
  parent.cancel();
  // This cancels inner1 and inner2, not child1 and child2.
  await runBriefly();
  print(typeName(parent.exception()), inner1.cancelled(), inner2.cancelled());
  print(child1.cancelled(), child2.cancelled());
  child1.setResult(1);
  child2.setResult(2);
  await runBriefly();
});

// test_tasks.py::BaseTaskTests::test_shield_coroutine_use_running_loop
const shield_coroutine_use_running_loop = coroutine(async function shield_coroutine_use_running_loop() {
  const coro = coroutine(async function coro() {
    return 42;
  });
  const outer = shield(coro());
  print(outer.getLoop() === getRunningLoop(), await outer);
});

// test_tasks.py::BaseTaskTests::test_tb_logger_not_called_after_cancel
const tb_logger_not_called_after_cancel = coroutine(async function tb_logger_not_called_after_cancel() {
  getRunningLoop().setExceptionHandler((_loop, context) => {
    print("handler:", context.message);
  });
  const coro = coroutine(async function coro() {
    throw new TypeError();
  });
  const runner = coroutine(async function runner() {
    const task = createTask(coro());
    await sleep(0.05);
    task.cancel();
  });
  await runner();
});

// test_tasks.py::BaseTaskTests::test_cancel_gather_1
const cancel_gather_1 = coroutine(async function cancel_gather_1() {
  // A gathering future refuses to be cancelled once all its children are done.
  const fut = newFuture<number>();
  const create = coroutine(async function create() {
    // fut -> child_coro: the gather is not done at the same time as fut.
    const childCoro = coroutine(async function child_coro() {
      return await fut;
    });
    const gatherFuture = gather(childCoro());
    // (Boxed: an async function returning a future would hand back its result.)
    return [ensureFuture(gatherFuture)] as const;
  });
  const [gatherTask] = await create();
  let cancelResult: boolean | null = null;
  const cancellingCallback = () => {
    cancelResult = gatherTask.cancel();
  };
  fut.addDoneCallback(cancellingCallback);
  fut.setResult(42); // calls cancellingCallback once fut is done
  await gatherTask;
  // bpo-26923: gather drops the cancellation.
  print(cancelResult, gatherTask.cancelled(), gatherTask.result());
});

// test_tasks.py::BaseTaskTests::test_cancel_gather_2
const cancel_gather_2 = coroutine(async function cancel_gather_2() {
  for (const cancelArgs of [[], [null], ["my message"], [5]]) {
    const test = coroutine(async function test() {
      let time = 0;
      for (;;) {
        time += 0.05;
        await gather(sleep(0.05), { returnExceptions: true });
        if (time > 1) return;
      }
    });
    const main = coroutine(async function main() {
      const qwe = createTask(test());
      await sleep(0.2);
      qwe.cancel(...cancelArgs);
      await qwe;
    });
    try {
      await createTask(main());
      print("gather() did not pass the CancelledError on");
    } catch (exc) {
      if (!(exc instanceof CancelledError)) throw exc;
      let depth = 0;
      let end: unknown = exc;
      for (let next = contextOf(end); next !== undefined; next = contextOf(end)) {
        end = next;
        depth++;
      }
      print(tuple(...cancelArgs), exc.args, tuple(typeName(end), (end as CancelledError).args, depth));
    }
  }
});

// test_tasks.py::BaseTaskTests::test_step_result_future
const step_result_future = coroutine(async function step_result_future() {
  // A task awaiting a future registers its wake-up with the future's addDoneCallback.
  class Fut<T> extends Future<T> {
    cbAdded = false;

    override addDoneCallback(fn: (future: this) => unknown): void {
      this.cbAdded = true;
      super.addDoneCallback(fn);
    }
  }
  const fut = new Fut<object>(getRunningLoop());
  let result: unknown = null;
  const waitForFuture = coroutine(async function wait_for_future() {
    result = await fut;
  });
  const t = createTask(waitForFuture());
  await runBriefly();
  print(fut.cbAdded);
  const res = {};
  fut.setResult(res);
  await runBriefly();
  print(res === result, t.done(), t.result());
});

// test_tasks.py::BaseTaskTests::test_baseexception_during_cancel
async function baseexception_during_cancel() {
  // (SystemExit in the test: KeyboardInterrupt takes the same path, out of the loop.)
  const baseExc = new KeyboardInterrupt();
  let task!: Task<void>;
  const sleeper = coroutine(async function sleeper() {
    await sleep(10);
  });
  const notmutch = coroutine(async function notmutch() {
    try {
      await sleeper();
    } catch (e) {
      if (e instanceof CancelledError) throw baseExc;
      throw e;
    }
  });
  const main = coroutine(async function main() {
    task = createTask(notmutch());
    await sleep(0);
    task.cancel();
    print(task.done());
    await sleep(0);
    print("not reached");
  });
  print(await aoutcome(run(main())));
  print(task.done(), task.cancelled(), task.exception() === baseExc);
}

// test_tasks.py::BaseTaskTests::test_coroutine_non_gen_function
async function coroutine_non_gen_function() {
  const func = coroutine(async function func() {
    return "test";
  });
  const coro = func();
  print(isCoroutine(coro));
  print(await run(coro));
}

// test_tasks.py::BaseTaskTests::test_coroutine_non_gen_function_return_future
const coroutine_non_gen_function_return_future = coroutine(async function coroutine_non_gen_function_return_future() {
  const fut = newFuture<string>();
  const func = coroutine(async function func() {
    return fut;
  });
  const coro = coroutine(async function coro() {
    fut.setResult("test");
  });
  const t1 = createTask(func());
  const t2 = createTask(coro());
  const res = await t1;
  print(res === (fut as unknown), repr(res), t2.result());
});

// test_tasks.py::BaseTaskTests::test_current_task
const current_task = coroutine(async function current_task() {
  const coro = coroutine(async function coro() {
    print(currentTask() === task, currentTask() === task);
  });
  const task: Task<void> = createTask(coro());
  await task;
  print(currentTask() === task);
});

// test_tasks.py::BaseTaskTests::test_current_task_with_interleaving_tasks
const current_task_with_interleaving_tasks = coroutine(async function current_task_with_interleaving_tasks() {
  const fut1 = newFuture<boolean>();
  const fut2 = newFuture<boolean>();
  const coro1 = coroutine(async function coro1() {
    print("coro1", currentTask() === task1);
    await fut1;
    print("coro1", currentTask() === task1);
    fut2.setResult(true);
  });
  const coro2 = coroutine(async function coro2() {
    print("coro2", currentTask() === task2);
    fut1.setResult(true);
    await fut2;
    print("coro2", currentTask() === task2);
  });
  const task1: Task<void> = createTask(coro1());
  const task2: Task<void> = createTask(coro2());
  await wait([task1, task2]);
});

// test_tasks.py::BaseTaskTests::test_create_task_with_noncoroutine
const create_task_with_noncoroutine = coroutine(async function create_task_with_noncoroutine() {
  print(outcome(() => createTask(123 as never)));
  // Twice: iscoroutine()'s cache changes nothing.
  print(outcome(() => createTask(123 as never)));
});

// test_tasks.py::BaseTaskTests::test_create_task_with_async_function
const create_task_with_async_function = coroutine(async function create_task_with_async_function() {
  const coro = coroutine(async function coro() {});
  for (let i = 0; i < 2; i++) {
    const task = createTask(coro());
    print(task instanceof Task, await task);
  }
});

// test_tasks.py::BaseTaskTests::test_bare_create_task
const bare_create_task = coroutine(async function bare_create_task() {
  const inner = coroutine(async function inner() {
    return 1;
  });
  const task = createTask(inner());
  print(task instanceof Task, await task);
});

// test_tasks.py::BaseTaskTests::test_bare_create_named_task
const bare_create_named_task = coroutine(async function bare_create_named_task() {
  const coroNoop = coroutine(async function coro_noop() {});
  const task = createTask(coroNoop(), { name: "No-op" });
  print(task.getName());
  await task;
});

// test_tasks.py::BaseTaskTests::test_get_coro
const get_coro = coroutine(async function get_coro() {
  const coro = coroutineFunction();
  const task = createTask(coro);
  await task;
  print(task.getCoro() === coro);
});

// test_tasks.py::BaseCurrentLoopTests::test_current_task_no_running_loop_implicit
function current_task_no_running_loop_implicit() {
  print(outcome(() => currentTask()));
}

// test_tasks.py::BaseCurrentLoopTests::test_current_task_with_implicit_loop
const current_task_with_implicit_loop = coroutine(async function current_task_with_implicit_loop() {
  const coro = coroutine(async function coro() {
    print(currentTask() === task, currentTask() === task);
  });
  const task: Task<void> = createTask(coro());
  await task;
});

// test_tasks.py::GenericTaskTests::test_future_subclass
function future_subclass() {
  print(Task.prototype instanceof Future);
}

type Wrap = (...futures: Future<unknown>[]) => (Future<unknown> | Coroutine<unknown>)[];

/** GatherTestsBase runs each check on futures (FutureGatherTests) and on coroutines awaiting them. */
const gatherVariants = coroutine(async function gather_variants(
  check: (wrap: Wrap, options?: { returnExceptions?: boolean }) => Coroutine<void>,
  options?: { returnExceptions?: boolean },
) {
  const asFutures: Wrap = (...futures) => futures;
  const asCoroutines: Wrap = (...futures) =>
    futures.map((fut) =>
      coroutine(async function coro(f: Future<unknown>) {
        return await f;
      })(fut),
    );
  Object.defineProperty(asFutures, "name", { value: "as_futures" });
  Object.defineProperty(asCoroutines, "name", { value: "as_coroutines" });
  for (const wrap of [asFutures, asCoroutines]) {
    print(wrap.name);
    await check(wrap, options);
  }
});

const checkSuccess = coroutine(async function check_success(wrap: Wrap, options?: { returnExceptions?: boolean }) {
  const [a, b, c] = [newFuture<number>(), newFuture<number>(), newFuture<number>()];
  const fut = options === undefined ? gather(...wrap(a, b, c)) : gather(...wrap(a, b, c), options);
  const calls: unknown[] = [];
  fut.addDoneCallback((f) => calls.push(f));
  b.setResult(1);
  a.setResult(2);
  await runLoop();
  print(calls.length, fut.done());
  c.setResult(3);
  await runLoop();
  print(calls.length, calls[0] === fut, fut.result());
});

// test_tasks.py::GatherTestsBase::test_success
const gather_success = coroutine(async function gather_success() {
  await gatherVariants(checkSuccess);
  await gatherVariants(checkSuccess, { returnExceptions: false });
});

// test_tasks.py::GatherTestsBase::test_result_exception_success
const gather_result_exception_success = coroutine(async function gather_result_exception_success() {
  await gatherVariants(checkSuccess, { returnExceptions: true });
});

const checkOneException = coroutine(async function check_one_exception(wrap: Wrap) {
  const [a, b, c, d, e] = [newFuture(), newFuture(), newFuture(), newFuture(), newFuture()];
  const fut = gather(...wrap(a, b, c, d, e));
  const calls: unknown[] = [];
  fut.addDoneCallback((f) => calls.push(f));
  const exc = new ZeroDivisionError();
  a.setResult(1);
  b.setException(exc);
  await runLoop();
  print(fut.done(), calls.length, fut.exception() === exc);
  // These do nothing.
  c.setResult(3);
  d.cancel();
  e.setException(new RuntimeError());
  e.exception();
});

// test_tasks.py::GatherTestsBase::test_one_exception
const gather_one_exception = coroutine(async function gather_one_exception() {
  await gatherVariants(checkOneException);
});

const checkReturnExceptions = coroutine(async function check_return_exceptions(wrap: Wrap) {
  const [a, b, c, d] = [newFuture(), newFuture(), newFuture(), newFuture()];
  const fut = gather(...wrap(a, b, c, d), { returnExceptions: true });
  const calls: unknown[] = [];
  fut.addDoneCallback((f) => calls.push(f));
  const exc = new ZeroDivisionError();
  const exc2 = new RuntimeError();
  b.setResult(1);
  c.setException(exc);
  a.setResult(3);
  await runLoop();
  print(fut.done());
  d.setException(exc2);
  await runLoop();
  const res = fut.result();
  print(fut.done(), calls.length, res.slice(0, 2), res[2] === exc, res[3] === exc2);
});

// test_tasks.py::GatherTestsBase::test_return_exceptions
const gather_return_exceptions = coroutine(async function gather_return_exceptions() {
  await gatherVariants(checkReturnExceptions);
});

// test_tasks.py::FutureGatherTests::test_constructor_empty_sequence_use_running_loop
const constructor_empty_sequence_use_running_loop = coroutine(
  async function constructor_empty_sequence_use_running_loop() {
    const fut = gather();
    print(fut instanceof Future, fut.getLoop() === getRunningLoop());
    await runBriefly();
    print(fut.done(), fut.result(), repr(fut));
  },
);

// test_tasks.py::FutureGatherTests::test_constructor_heterogenous_futures
const constructor_heterogenous_futures = coroutine(async function constructor_heterogenous_futures() {
  const otherLoop = new Runner().loop;
  const fut1 = newFuture();
  const fut2 = otherLoop.createFuture();
  print(outcome(() => gather(fut1, fut2)));
  otherLoop.close();
});

// test_tasks.py::FutureGatherTests::test_constructor_homogenous_futures
function constructor_homogenous_futures() {
  // Outside any running loop, gather takes its children's loop.
  const otherLoop = new Runner().loop;
  const children = [otherLoop.createFuture(), otherLoop.createFuture(), otherLoop.createFuture()];
  let fut = gather(...children);
  print(fut.getLoop() === otherLoop, fut.done());
  fut = gather(...children);
  print(fut.getLoop() === otherLoop, fut.done());
  for (const child of children) child.cancel();
  otherLoop.close();
}

// test_tasks.py::FutureGatherTests::test_one_cancellation
const one_cancellation = coroutine(async function one_cancellation() {
  const [a, b, c, d, e] = [newFuture(), newFuture(), newFuture(), newFuture(), newFuture()];
  const fut = gather(a, b, c, d, e);
  const calls: unknown[] = [];
  fut.addDoneCallback((f) => calls.push(f));
  a.setResult(1);
  b.cancel();
  await runBriefly();
  print(fut.done(), calls.length, fut.cancelled(), typeName(fut.exception()));
  // These do nothing.
  c.setResult(3);
  d.cancel();
  e.setException(new RuntimeError());
  e.exception();
});

// test_tasks.py::FutureGatherTests::test_result_exception_one_cancellation
const result_exception_one_cancellation = coroutine(async function result_exception_one_cancellation() {
  const [a, b, c, d, e, f] = [newFuture(), newFuture(), newFuture(), newFuture(), newFuture(), newFuture()];
  const fut = gather(a, b, c, d, e, f, { returnExceptions: true });
  const calls: unknown[] = [];
  fut.addDoneCallback((x) => calls.push(x));
  a.setResult(1);
  const zde = new ZeroDivisionError();
  b.setException(zde);
  c.cancel();
  await runBriefly();
  print(fut.done());
  d.setResult(3);
  e.cancel();
  const rte = new RuntimeError();
  f.setException(rte);
  const res = await fut;
  print(typeName(res[2]), typeName(res[4]));
  res[2] = res[4] = null;
  const expected = [1, zde, null, 3, null, rte];
  print(res.length === expected.length && res.every((x, i) => x === expected[i]), calls.length);
});

// test_tasks.py::CoroutineGatherTests::test_constructor_use_running_loop
const coroutine_gather_use_running_loop = coroutine(async function coroutine_gather_use_running_loop() {
  const coro = coroutine(async function coro() {
    return "abc";
  });
  const fut = gather(coro(), coro());
  print(fut.getLoop() === getRunningLoop(), await fut);
});

// test_tasks.py::CoroutineGatherTests::test_duplicate_coroutines
const duplicate_coroutines = coroutine(async function duplicate_coroutines() {
  const coro = coroutine(async function coro(s: string) {
    return s;
  });
  const c = coro("abc");
  const fut = gather(c, c, coro("def"), c);
  await runBriefly();
  print(fut.result());
});

// test_tasks.py::CoroutineGatherTests::test_cancellation_broadcast
const cancellation_broadcast = coroutine(async function cancellation_broadcast() {
  // Cancelling outer() cancels every child.
  let proof = 0;
  const waiter = newFuture();
  const inner = coroutine(async function inner() {
    await waiter;
    proof += 1;
  });
  const child1 = ensureFuture(inner());
  const child2 = ensureFuture(inner());
  let gatherer!: Future<unknown>;
  const outer = coroutine(async function outer() {
    gatherer = gather(child1, child2);
    await gatherer;
    proof += 100;
  });
  const f = ensureFuture(outer());
  await runBriefly();
  print(f.cancel());
  print(await aoutcome(f));
  print(gatherer.cancel(), waiter.cancelled(), child1.cancelled(), child2.cancelled());
  await runBriefly();
  print(proof);
});

// test_tasks.py::CoroutineGatherTests::test_exception_marking
const exception_marking = coroutine(async function exception_marking() {
  // The first exception's siblings are marked retrieved.
  const inner = coroutine(async function inner(f: Future<unknown>) {
    await f;
    throw new RuntimeError("should not be ignored");
  });
  const a = newFuture();
  const b = newFuture();
  const outer = coroutine(async function outer() {
    await gather(inner(a), inner(b));
  });
  const f = ensureFuture(outer());
  await runBriefly();
  a.setResult(undefined);
  await runBriefly();
  b.setResult(undefined);
  await runBriefly();
  print(repr(f.exception()));
});

// test_tasks.py::CoroutineGatherTests::test_issue46672
const issue46672 = coroutine(async function issue46672() {
  // A TypeError for an argument that is not awaitable, and nothing for the exception handler.
  getRunningLoop().setExceptionHandler((_loop, context) => {
    print("handler:", context.message);
  });
  const coro = coroutine(async function coro(s: string) {
    return s;
  });
  const c = coro("abc");
  try {
    // (A Map is Python's {}: a trailing plain object would be gather's options.)
    gather(c, new Map() as never);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print(typeName(e));
  }
  await runBriefly();
});

export default () =>
  runTests(
    yield_future_passes_cancel,
    yield_wait_does_not_shield_cancel,
    shield_result,
    shield_exception,
    shield_cancel_inner,
    shield_cancel_outer,
    shield_shortcut,
    shield_effect,
    shield_gather,
    gather_shield,
    shield_coroutine_use_running_loop,
    tb_logger_not_called_after_cancel,
    cancel_gather_1,
    cancel_gather_2,
    step_result_future,
    baseexception_during_cancel,
    coroutine_non_gen_function,
    coroutine_non_gen_function_return_future,
    current_task,
    current_task_with_interleaving_tasks,
    create_task_with_noncoroutine,
    create_task_with_async_function,
    bare_create_task,
    bare_create_named_task,
    get_coro,
    current_task_no_running_loop_implicit,
    current_task_with_implicit_loop,
    future_subclass,
    gather_success,
    gather_result_exception_success,
    gather_one_exception,
    gather_return_exceptions,
    constructor_empty_sequence_use_running_loop,
    constructor_heterogenous_futures,
    constructor_homogenous_futures,
    one_cancellation,
    result_exception_one_cancellation,
    coroutine_gather_use_running_loop,
    duplicate_coroutines,
    cancellation_broadcast,
    exception_marking,
    issue46672,
  );
