// Ported from CPython 3.13's Lib/test/test_asyncio/test_locks.py: BarrierTests.
// `async with barrier as i:` is `i = await barrier.wait()` (its __aexit__ does nothing).
import {
  Barrier,
  BrokenBarrierError,
  CancelledError,
  type Coroutine,
  coroutine,
  createTask,
  gather,
  print,
  RuntimeError,
  repr,
  sleep,
  type Task,
  wait,
} from "../../../src/index.js";
import { outcome, runTests, typeName } from "../harness.js";
import { extras } from "./lock_event.js";

const N = 5;

function makeTasks<T>(n: number, coro: () => Coroutine<T>): Task<T>[] {
  return Array.from({ length: n }, () => createTask(coro()));
}

const gatherTasks = coroutine(async function gather_tasks<T>(n: number, coro: () => Coroutine<T>) {
  const tasks = makeTasks(n, coro);
  const res = await gather(...tasks);
  return [res, tasks] as const;
});

function state(barrier: Barrier) {
  print("n_waiting", barrier.nWaiting, "broken", barrier.broken, extras(barrier));
}

// test_locks.py::BarrierTests::test_barrier
const barrier = coroutine(async function barrier() {
  // (The test also checks that `await barrier` is a TypeError: JavaScript awaits any value.)
  const b = new Barrier(N);
  print(extras(b));
});

// test_locks.py::BarrierTests::test_repr
const barrier_repr = coroutine(async function barrier_repr() {
  const b = new Barrier(N);
  print(extras(b));
  const waiters: Task<void>[] = [];
  const waitOn = coroutine(async function wait(b: Barrier) {
    await b.wait();
  });
  const incr = 2;
  for (let i = 0; i < incr; i++) waiters.push(createTask(waitOn(b)));
  await sleep(0);
  print(extras(b));
  for (let i = b.parties - b.nWaiting; i > 0; i--) waiters.push(createTask(waitOn(b)));
  await sleep(0);
  print(extras(b));
  for (let i = 0; i < incr; i++) waiters.push(createTask(waitOn(b)));
  await sleep(0);
  await b.reset();
  print(extras(b));
  for (let i = 0; i < incr; i++) waiters.push(createTask(waitOn(b)));
  await sleep(0);
  await b.abort();
  print(extras(b), b.broken);
  const results = await gather(...waiters, { returnExceptions: true });
  print(results.map((r) => typeName(r)));
});

// test_locks.py::BarrierTests::test_barrier_parties
const barrier_parties = coroutine(async function barrier_parties() {
  print(outcome(() => new Barrier(0)));
  print(outcome(() => new Barrier(-4)));
  print(new Barrier(N) instanceof Barrier, new Barrier(N).parties);
});

// test_locks.py::BarrierTests::test_context_manager
const context_manager = coroutine(async function context_manager() {
  const b = new Barrier(3);
  const results: number[] = [];
  const coro = coroutine(async function coro() {
    const i = await b.wait();
    results.push(i);
  });
  await gatherTasks(3, coro);
  print(results);
  state(b);
});

// test_locks.py::BarrierTests::test_filling_one_task
const filling_one_task = coroutine(async function filling_one_task() {
  const b = new Barrier(1);
  const f = coroutine(async function f() {
    await b.wait();
    return true;
  });
  print(await f());
  state(b);
});

// test_locks.py::BarrierTests::test_filling_one_task_twice
const filling_one_task_twice = coroutine(async function filling_one_task_twice() {
  const b = new Barrier(1);
  const t1 = createTask(b.wait());
  await sleep(0);
  print(b.nWaiting);
  const t2 = createTask(b.wait());
  await sleep(0);
  print(t1.result(), t2.result(), t1.done(), t2.done());
  state(b);
});

// test_locks.py::BarrierTests::test_filling_task_by_task
const filling_task_by_task = coroutine(async function filling_task_by_task() {
  const b = new Barrier(3);
  const t1 = createTask(b.wait());
  await sleep(0);
  print(b.nWaiting, extras(b));
  const t2 = createTask(b.wait());
  await sleep(0);
  print(b.nWaiting, extras(b));
  const t3 = createTask(b.wait());
  await sleep(0);
  await wait([t1, t2, t3]);
  print([t1, t2, t3].map((t) => t.result()));
  state(b);
});

// test_locks.py::BarrierTests::test_filling_tasks_wait_twice
const filling_tasks_wait_twice = coroutine(async function filling_tasks_wait_twice() {
  const b = new Barrier(N);
  const results: boolean[] = [];
  const coro = coroutine(async function coro() {
    await b.wait();
    results.push(true);
    await b.wait();
    results.push(false);
  });
  await gatherTasks(N, coro);
  print(results);
  state(b);
});

// test_locks.py::BarrierTests::test_filling_tasks_check_return_value
const filling_tasks_check_return_value = coroutine(async function filling_tasks_check_return_value() {
  const b = new Barrier(N);
  const results1: boolean[] = [];
  const results2: boolean[] = [];
  const coro = coroutine(async function coro() {
    await b.wait();
    results1.push(true);
    const i = await b.wait();
    results2.push(true);
    return i;
  });
  const [res] = await gatherTasks(N, coro);
  print(results1, results2, res);
  state(b);
});

// test_locks.py::BarrierTests::test_draining_state
const draining_state = coroutine(async function draining_state() {
  const b = new Barrier(N);
  const results: boolean[] = [];
  const coro = coroutine(async function coro() {
    await b.wait();
    // The state is back to filling once the last task has left.
    results.push(repr(b).includes("draining"));
  });
  await gatherTasks(N, coro);
  print(results);
  state(b);
});

// test_locks.py::BarrierTests::test_blocking_tasks_while_draining
const blocking_tasks_while_draining = coroutine(async function blocking_tasks_while_draining() {
  const rewait = 2;
  const b = new Barrier(N);
  const bNowaiting = new Barrier(N - rewait);
  let rewaitN = rewait;
  const order: string[] = [];
  const coro = coroutine(async function coro(k: number) {
    await b.wait();
    if (rewaitN > 0) {
      rewaitN -= 1;
      order.push(`${k} waits again`);
      await b.wait();
    } else {
      order.push(`${k} waits for the others`);
      await bNowaiting.wait();
      await b.wait();
    }
    order.push(`${k} out`);
  });
  await gather(...Array.from({ length: N }, (_, k) => createTask(coro(k))));
  print(order);
  state(b);
});

// test_locks.py::BarrierTests::test_filling_tasks_cancel_one
const filling_tasks_cancel_one = coroutine(async function filling_tasks_cancel_one() {
  const b = new Barrier(3);
  const results: boolean[] = [];
  const coro = coroutine(async function coro() {
    await b.wait();
    results.push(true);
  });
  const t1 = createTask(coro());
  await sleep(0);
  print(b.nWaiting);
  const t2 = createTask(coro());
  await sleep(0);
  print(b.nWaiting);
  t1.cancel();
  await sleep(0);
  print(b.nWaiting);
  try {
    await t1;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("t1 cancelled", t1.cancelled());
  }
  const t3 = createTask(coro());
  await sleep(0);
  print(b.nWaiting);
  const t4 = createTask(coro());
  await gather(t2, t3, t4);
  print(results);
  state(b);
});

// test_locks.py::BarrierTests::test_reset_barrier
const reset_barrier = coroutine(async function reset_barrier() {
  const b = new Barrier(1);
  createTask(b.reset());
  await sleep(0);
  state(b);
});

// test_locks.py::BarrierTests::test_reset_barrier_while_tasks_waiting
const reset_barrier_while_tasks_waiting = coroutine(async function reset_barrier_while_tasks_waiting() {
  const b = new Barrier(N);
  const results: string[] = [];
  const coro = coroutine(async function coro() {
    try {
      await b.wait();
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      results.push(repr(e));
    }
  });
  const coroReset = coroutine(async function coro_reset() {
    await b.reset();
  });
  const tasks = makeTasks(N - 1, coro);
  await sleep(0);
  createTask(coroReset());
  await gather(...tasks);
  print(results);
  state(b);
});

// test_locks.py::BarrierTests::test_reset_barrier_when_tasks_half_draining
const reset_barrier_when_tasks_half_draining = coroutine(async function reset_barrier_when_tasks_half_draining() {
  const b = new Barrier(N);
  const results1: boolean[] = [];
  const restOfTasks = Math.floor(N / 2);
  const coro = coroutine(async function coro() {
    try {
      await b.wait();
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      results1.push(true);
      return;
    }
    if (restOfTasks === b._count) await b.reset();
  });
  await gatherTasks(N, coro);
  print(results1);
  state(b);
});

// test_locks.py::BarrierTests::test_reset_barrier_when_tasks_half_draining_half_blocking
const reset_barrier_when_tasks_half_draining_half_blocking = coroutine(
  async function reset_barrier_when_tasks_half_draining_half_blocking() {
    const b = new Barrier(N);
    const results1: boolean[] = [];
    const results2: boolean[] = [];
    const blockingTasks = Math.floor(N / 2);
    let count = 0;
    const coro = coroutine(async function coro() {
      try {
        await b.wait();
      } catch (e) {
        if (!(e instanceof BrokenBarrierError)) throw e;
        results1.push(true);
        await b.wait();
        return;
      }
      count += 1;
      if (count > blockingTasks) {
        await b.reset();
        await b.wait();
      } else {
        try {
          await b.wait();
        } catch (e) {
          if (!(e instanceof BrokenBarrierError)) throw e;
          results2.push(true);
        }
      }
    });
    await gatherTasks(N, coro);
    print(results1, results2);
    state(b);
  },
);

// test_locks.py::BarrierTests::test_reset_barrier_while_tasks_waiting_and_waiting_again
const reset_barrier_while_tasks_waiting_and_waiting_again = coroutine(
  async function reset_barrier_while_tasks_waiting_and_waiting_again() {
    const b = new Barrier(N);
    const results1: boolean[] = [];
    const results2: boolean[] = [];
    const coro1 = coroutine(async function coro1() {
      try {
        await b.wait();
      } catch (e) {
        if (!(e instanceof BrokenBarrierError)) throw e;
        results1.push(true);
      } finally {
        await b.wait();
        results2.push(true);
      }
    });
    const coro2 = coroutine(async function coro2() {
      await b.wait();
      results2.push(true);
    });
    const tasks = makeTasks(N - 1, coro1);
    createTask(b.reset());
    await sleep(0);
    createTask(coro2());
    await gather(...tasks);
    print(results1, results2);
    state(b);
  },
);

// test_locks.py::BarrierTests::test_reset_barrier_while_tasks_draining
const reset_barrier_while_tasks_draining = coroutine(async function reset_barrier_while_tasks_draining() {
  const b = new Barrier(N);
  const results1: boolean[] = [];
  const results2: string[] = [];
  const results3: boolean[] = [];
  let count = 0;
  const coro = coroutine(async function coro() {
    await b.wait();
    count += 1;
    if (count === N) {
      await b.reset();
      await b.wait();
    } else {
      try {
        await b.wait();
        results1.push(true);
      } catch (e) {
        if (e instanceof CancelledError) throw e;
        results2.push(repr(e));
      }
    }
    await b.wait();
    results3.push(true);
  });
  await gatherTasks(N, coro);
  print(results1, results2, results3);
  state(b);
});

// test_locks.py::BarrierTests::test_abort_barrier
const abort_barrier = coroutine(async function abort_barrier() {
  const b = new Barrier(1);
  createTask(b.abort());
  await sleep(0);
  state(b);
});

// test_locks.py::BarrierTests::test_abort_barrier_when_tasks_half_draining_half_blocking
const abort_barrier_when_tasks_half_draining_half_blocking = coroutine(
  async function abort_barrier_when_tasks_half_draining_half_blocking() {
    const b = new Barrier(N);
    const results1: boolean[] = [];
    const results2: string[] = [];
    const blockingTasks = Math.floor(N / 2);
    let count = 0;
    const coro = coroutine(async function coro() {
      try {
        await b.wait();
      } catch (e) {
        if (!(e instanceof BrokenBarrierError)) throw e;
        results1.push(true);
        return;
      }
      count += 1;
      if (count > blockingTasks) {
        await b.abort();
      } else {
        try {
          await b.wait();
        } catch (e) {
          if (!(e instanceof BrokenBarrierError)) throw e;
          results2.push(repr(e));
        }
      }
    });
    await gatherTasks(N, coro);
    print(results1, results2);
    state(b);
  },
);

// test_locks.py::BarrierTests::test_abort_barrier_when_exception
const abort_barrier_when_exception = coroutine(async function abort_barrier_when_exception() {
  const b = new Barrier(N);
  const results1: boolean[] = [];
  const results2: string[] = [];
  const coro = coroutine(async function coro() {
    try {
      const i = await b.wait();
      if (i === Math.floor(N / 2)) throw new RuntimeError();
      await b.wait();
      results1.push(true);
    } catch (e) {
      if (e instanceof BrokenBarrierError) results2.push(repr(e));
      else if (e instanceof RuntimeError) await b.abort();
      else throw e;
    }
  });
  await gatherTasks(N, coro);
  print(results1, results2);
  state(b);
});

// test_locks.py::BarrierTests::test_abort_barrier_when_exception_then_resetting
const abort_barrier_when_exception_then_resetting = coroutine(
  async function abort_barrier_when_exception_then_resetting() {
    const barrier1 = new Barrier(N);
    const barrier2 = new Barrier(N);
    const results1: boolean[] = [];
    const results2: boolean[] = [];
    const results3: boolean[] = [];
    const coro = coroutine(async function coro() {
      try {
        const i = await barrier1.wait();
        if (i === Math.floor(N / 2)) throw new RuntimeError();
        await barrier1.wait();
        results1.push(true);
      } catch (e) {
        if (e instanceof BrokenBarrierError) results2.push(true);
        else if (e instanceof RuntimeError) await barrier1.abort();
        else throw e;
      }
      const i = await barrier2.wait();
      if (i === Math.floor(N / 2)) await barrier1.reset();
      await barrier2.wait();
      await barrier1.wait();
      results3.push(true);
    });
    await gatherTasks(N, coro);
    print(results1, results2, results3);
    state(barrier1);
  },
);

export default () =>
  runTests(
    barrier,
    barrier_repr,
    barrier_parties,
    context_manager,
    filling_one_task,
    filling_one_task_twice,
    filling_task_by_task,
    filling_tasks_wait_twice,
    filling_tasks_check_return_value,
    draining_state,
    blocking_tasks_while_draining,
    filling_tasks_cancel_one,
    reset_barrier,
    reset_barrier_while_tasks_waiting,
    reset_barrier_when_tasks_half_draining,
    reset_barrier_when_tasks_half_draining_half_blocking,
    reset_barrier_while_tasks_waiting_and_waiting_again,
    reset_barrier_while_tasks_draining,
    abort_barrier,
    abort_barrier_when_tasks_half_draining_half_blocking,
    abort_barrier_when_exception,
    abort_barrier_when_exception_then_resetting,
  );
