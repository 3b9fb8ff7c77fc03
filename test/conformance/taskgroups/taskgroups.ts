// Ported from CPython 3.13's Lib/test/test_asyncio/test_taskgroups.py.
import {
  CancelledError,
  type Coroutine,
  coroutine,
  createTask,
  currentTask,
  Event,
  ExceptionGroup,
  getRunningLoop,
  KeyboardInterrupt,
  PythonError,
  print,
  RuntimeError,
  repr,
  run,
  sleep,
  type Task,
  TaskGroup,
  taskGroup,
  ValueError,
  ZeroDivisionError,
} from "../../../src/index.js";
import { aoutcome, errorTypes, exceptStar, outcome, runTests } from "../harness.js";

class MyExc extends PythonError {}

/** `1 / 0`: JavaScript divides by zero without complaint. */
function divideByZero(): never {
  throw new ZeroDivisionError("division by zero");
}

/** Await `coro` from a loop callback, outside any task (test_utils.await_without_task). */
const awaitWithoutTask = coroutine(async function await_without_task(coro: Coroutine<unknown>) {
  let exc: { error: unknown } | undefined;
  // The callback returns a promise: the loop lets it settle before running the next handle.
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

// test_taskgroups.py::TestTaskGroup::test_taskgroup_01
const taskgroup_01 = coroutine(async function taskgroup_01() {
  const foo1 = coroutine(async function foo1() {
    await sleep(0.1);
    return 42;
  });
  const foo2 = coroutine(async function foo2() {
    await sleep(0.2);
    return 11;
  });
  let t1!: Task<number>;
  let t2!: Task<number>;
  await taskGroup(async (g) => {
    t1 = g.createTask(foo1());
    t2 = g.createTask(foo2());
  });
  print(t1.result(), t2.result(), getRunningLoop().time());
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_02
const taskgroup_02 = coroutine(async function taskgroup_02() {
  const foo1 = coroutine(async function foo1() {
    await sleep(0.1);
    return 42;
  });
  const foo2 = coroutine(async function foo2() {
    await sleep(0.2);
    return 11;
  });
  let t1!: Task<number>;
  let t2!: Task<number>;
  await taskGroup(async (g) => {
    t1 = g.createTask(foo1());
    await sleep(0.15);
    t2 = g.createTask(foo2());
  });
  print(t1.result(), t2.result());
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_03
const taskgroup_03 = coroutine(async function taskgroup_03() {
  const foo1 = coroutine(async function foo1() {
    await sleep(1);
    return 42;
  });
  const foo2 = coroutine(async function foo2() {
    await sleep(0.2);
    return 11;
  });
  let t1!: Task<number>;
  let t2!: Task<number>;
  await taskGroup(async (g) => {
    t1 = g.createTask(foo1());
    await sleep(0.15);
    // Cancelling t1 explicitly: everything else goes on.
    t1.cancel();
    t2 = g.createTask(foo2());
  });
  print(t1.cancelled(), t2.result());
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_04
const taskgroup_04 = coroutine(async function taskgroup_04() {
  let NUM = 0;
  let t2Cancel = false;
  let t2!: Task<void>;
  const foo1 = coroutine(async function foo1() {
    await sleep(0.1);
    divideByZero();
  });
  const foo2 = coroutine(async function foo2() {
    try {
      await sleep(1);
    } catch (e) {
      if (e instanceof CancelledError) t2Cancel = true;
      throw e;
    }
    NUM += 1;
  });
  const runner = coroutine(async function runner() {
    await taskGroup(async (g) => {
      g.createTask(foo1());
      t2 = g.createTask(foo2());
    });
    NUM += 10;
  });
  try {
    await createTask(runner());
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e), repr(e));
  }
  print(NUM, t2Cancel, t2.cancelled());
});

// test_taskgroups.py::TestTaskGroup::test_cancel_children_on_child_error
const cancel_children_on_child_error = coroutine(async function cancel_children_on_child_error() {
  let NUM = 0;
  let t2Cancel = false;
  let runnerCancel = false;
  const foo1 = coroutine(async function foo1() {
    await sleep(0.1);
    divideByZero();
  });
  const foo2 = coroutine(async function foo2() {
    try {
      await sleep(5);
    } catch (e) {
      if (e instanceof CancelledError) t2Cancel = true;
      throw e;
    }
    NUM += 1;
  });
  const runner = coroutine(async function runner() {
    await taskGroup(async (g) => {
      g.createTask(foo1());
      g.createTask(foo1());
      g.createTask(foo1());
      g.createTask(foo2());
      try {
        await sleep(10);
      } catch (e) {
        if (e instanceof CancelledError) runnerCancel = true;
        throw e;
      }
    });
    NUM += 10;
  });
  try {
    await createTask(runner());
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e), e.exceptions.length);
  }
  print(NUM, t2Cancel, runnerCancel);
});

/** foo() of test_cancellation and test_taskgroup_07: counts its cancellation. */
function countingSleeper(count: () => void) {
  return coroutine(async function foo() {
    try {
      await sleep(5);
    } catch (e) {
      if (e instanceof CancelledError) count();
      throw e;
    }
  });
}

// test_taskgroups.py::TestTaskGroup::test_cancellation
const cancellation = coroutine(async function cancellation() {
  let NUM = 0;
  const foo = countingSleeper(() => NUM++);
  const runner = coroutine(async function runner() {
    await taskGroup(async (g) => {
      for (let i = 0; i < 5; i++) g.createTask(foo());
    });
  });
  const r = createTask(runner());
  await sleep(0.1);
  print(r.done());
  r.cancel();
  print(await aoutcome(r), NUM);
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_07
const taskgroup_07 = coroutine(async function taskgroup_07() {
  let NUM = 0;
  const foo = countingSleeper(() => NUM++);
  const runner = coroutine(async function runner() {
    await taskGroup(async (g) => {
      for (let i = 0; i < 5; i++) g.createTask(foo());
      try {
        await sleep(10);
      } catch (e) {
        if (e instanceof CancelledError) NUM += 10;
        throw e;
      }
    });
  });
  const r = createTask(runner());
  await sleep(0.1);
  print(r.done());
  r.cancel();
  print(await aoutcome(r), NUM);
});

const crashInFinally = coroutine(async function crash_in_finally() {
  try {
    await sleep(10);
  } finally {
    divideByZero();
  }
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_08
const taskgroup_08 = coroutine(async function taskgroup_08() {
  const runner = coroutine(async function runner() {
    await taskGroup(async (g) => {
      for (let i = 0; i < 5; i++) g.createTask(crashInFinally());
      await sleep(10);
    });
  });
  const r = createTask(runner());
  await sleep(0.1);
  print(r.done());
  r.cancel();
  try {
    await r;
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e), e.exceptions.length);
  }
});

const tgWithFailingBody = coroutine(async function tg_with_failing_body(sleepFirst: boolean) {
  let t1!: Task<number>;
  let t2!: Task<number>;
  const foo1 = coroutine(async function foo1() {
    await sleep(1);
    return 42;
  });
  const foo2 = coroutine(async function foo2() {
    await sleep(2);
    return 11;
  });
  const runner = coroutine(async function runner() {
    await taskGroup(async (g) => {
      t1 = g.createTask(foo1());
      t2 = g.createTask(foo2());
      if (sleepFirst) await sleep(0.1);
      divideByZero();
    });
  });
  try {
    await runner();
    print("ExceptionGroup was not raised");
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e));
  }
  print(t1.cancelled(), t2.cancelled());
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_09
const taskgroup_09 = coroutine(async function taskgroup_09() {
  await tgWithFailingBody(true);
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_10
const taskgroup_10 = coroutine(async function taskgroup_10() {
  await tgWithFailingBody(false);
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_11
const taskgroup_11 = coroutine(async function taskgroup_11() {
  const runner = coroutine(async function runner() {
    await taskGroup(async () => {
      await taskGroup(async (g2) => {
        for (let i = 0; i < 5; i++) g2.createTask(crashInFinally());
        await sleep(10);
      });
    });
  });
  const r = createTask(runner());
  await sleep(0.1);
  print(r.done());
  r.cancel();
  try {
    await r;
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e), errorTypes(e.exceptions[0] as ExceptionGroup));
  }
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_12
const taskgroup_12 = coroutine(async function taskgroup_12() {
  const runner = coroutine(async function runner() {
    await taskGroup(async (g1) => {
      g1.createTask(sleep(10));
      await taskGroup(async (g2) => {
        for (let i = 0; i < 5; i++) g2.createTask(crashInFinally());
        await sleep(10);
      });
    });
  });
  const r = createTask(runner());
  await sleep(0.1);
  print(r.done());
  r.cancel();
  try {
    await r;
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e), errorTypes(e.exceptions[0] as ExceptionGroup));
  }
});

const crashAfter = coroutine(async function crash_after(t: number) {
  await sleep(t);
  throw new ValueError(t);
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_13
const taskgroup_13 = coroutine(async function taskgroup_13() {
  const runner = coroutine(async function runner() {
    await taskGroup(async (g1) => {
      g1.createTask(crashAfter(0.1));
      await taskGroup(async (g2) => {
        g2.createTask(crashAfter(10));
      });
    });
  });
  const r = createTask(runner());
  try {
    await r;
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e), repr(e));
  }
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_14
const taskgroup_14 = coroutine(async function taskgroup_14() {
  const runner = coroutine(async function runner() {
    await taskGroup(async (g1) => {
      g1.createTask(crashAfter(10));
      await taskGroup(async (g2) => {
        g2.createTask(crashAfter(0.1));
      });
    });
  });
  const r = createTask(runner());
  try {
    await r;
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e), errorTypes(e.exceptions[0] as ExceptionGroup), repr(e));
  }
});

const crashSoon = coroutine(async function crash_soon() {
  await sleep(0.3);
  divideByZero();
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_15
const taskgroup_15 = coroutine(async function taskgroup_15() {
  const runner = coroutine(async function runner() {
    await taskGroup(async (g1) => {
      g1.createTask(crashSoon());
      try {
        await sleep(10);
      } catch (e) {
        if (e instanceof CancelledError) await sleep(0.5);
        throw e;
      }
    });
  });
  const r = createTask(runner());
  await sleep(0.1);
  print(r.done());
  r.cancel();
  try {
    await r;
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e), getRunningLoop().time());
  }
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_16
const taskgroup_16 = coroutine(async function taskgroup_16() {
  const nestedRunner = coroutine(async function nested_runner() {
    await taskGroup(async (g1) => {
      g1.createTask(crashSoon());
      try {
        await sleep(10);
      } catch (e) {
        if (e instanceof CancelledError) await sleep(0.5);
        throw e;
      }
    });
  });
  const runner = coroutine(async function runner() {
    const t = createTask(nestedRunner());
    await t;
  });
  const r = createTask(runner());
  await sleep(0.1);
  print(r.done());
  r.cancel();
  try {
    await r;
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e), getRunningLoop().time());
  }
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_17
const taskgroup_17 = coroutine(async function taskgroup_17() {
  let NUM = 0;
  const runner = coroutine(async function runner() {
    await taskGroup(async () => {
      try {
        await sleep(10);
      } catch (e) {
        if (e instanceof CancelledError) NUM += 10;
        throw e;
      }
    });
  });
  const r = createTask(runner());
  await sleep(0.1);
  print(r.done());
  r.cancel();
  print(await aoutcome(r), NUM);
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_18
const taskgroup_18 = coroutine(async function taskgroup_18() {
  let NUM = 0;
  const runner = coroutine(async function runner() {
    await taskGroup(async () => {
      try {
        await sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        NUM += 10;
        // Not a good idea, but supported.
        throw new MyExc();
      }
    });
  });
  const r = createTask(runner());
  await sleep(0.1);
  print(r.done());
  r.cancel();
  try {
    await r;
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e));
  }
  print(NUM);
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_19
const taskgroup_19 = coroutine(async function taskgroup_19() {
  const crashSoon = coroutine(async function crash_soon() {
    await sleep(0.1);
    divideByZero();
  });
  const nested = coroutine(async function nested() {
    try {
      await sleep(10);
    } finally {
      throw new MyExc();
    }
  });
  const runner = coroutine(async function runner() {
    await taskGroup(async (g) => {
      g.createTask(crashSoon());
      await nested();
    });
  });
  const r = createTask(runner());
  try {
    await r;
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e), repr(e));
  }
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_20
const taskgroup_20 = coroutine(async function taskgroup_20() {
  const crashSoon = coroutine(async function crash_soon() {
    await sleep(0.1);
    divideByZero();
  });
  const nested = coroutine(async function nested() {
    try {
      await sleep(10);
    } finally {
      throw new KeyboardInterrupt();
    }
  });
  const runner = coroutine(async function runner() {
    await taskGroup(async (g) => {
      g.createTask(crashSoon());
      await nested();
    });
  });
  print(await aoutcome(runner()));
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_22
const taskgroup_22 = coroutine(async function taskgroup_22() {
  const foo1 = coroutine(async function foo1() {
    await sleep(1);
    return 42;
  });
  const foo2 = coroutine(async function foo2() {
    await sleep(2);
    return 11;
  });
  const runner = coroutine(async function runner() {
    await taskGroup(async (g) => {
      g.createTask(foo1());
      g.createTask(foo2());
    });
  });
  const r = createTask(runner());
  await sleep(0.05);
  r.cancel();
  print(await aoutcome(r));
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_23
const taskgroup_23 = coroutine(async function taskgroup_23() {
  const doJob = coroutine(async function do_job(delay: number) {
    await sleep(delay);
  });
  await taskGroup(async (g) => {
    for (let count = 0; count < 10; count++) {
      await sleep(0.1);
      g.createTask(doJob(0.3));
      if (count === 5) print(g._tasks.size);
    }
    await sleep(1.35);
    print(g._tasks.size);
  });
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_24
const taskgroup_24 = coroutine(async function taskgroup_24() {
  const coro1 = coroutine(async function coro1(delay: number) {
    await sleep(delay);
  });
  const root = coroutine(async function root(g: TaskGroup) {
    await sleep(0.1);
    g.createTask(coro1(0.1));
    g.createTask(coro1(0.2));
  });
  const runner = coroutine(async function runner() {
    await taskGroup(async (g) => {
      g.createTask(root(g));
    });
  });
  await runner();
  print("done at", getRunningLoop().time());
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_25
const taskgroup_25 = coroutine(async function taskgroup_25() {
  let nhydras = 0;
  // (Inside `async function hydra`, `hydra` would be the plain function: README, Known differences.)
  const hydra = coroutine(async function hydraHead(g: TaskGroup) {
    nhydras += 1;
    await sleep(0.01);
    g.createTask(hydra(g));
    g.createTask(hydra(g));
  });
  const hercules = coroutine(async function hercules() {
    while (nhydras < 10) await sleep(0.015);
    divideByZero();
  });
  const runner = coroutine(async function runner() {
    await taskGroup(async (g) => {
      g.createTask(hydra(g));
      g.createTask(hercules());
    });
  });
  try {
    await runner();
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e));
  }
  print(nhydras);
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_task_name
const taskgroup_task_name = coroutine(async function taskgroup_task_name() {
  const coro = coroutine(async function coro() {
    await sleep(0);
  });
  await taskGroup(async (g) => {
    const t = g.createTask(coro(), { name: "yolo" });
    print(t.getName());
  });
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_no_create_task_after_failure
const taskgroup_no_create_task_after_failure = coroutine(async function taskgroup_no_create_task_after_failure() {
  const coro1 = coroutine(async function coro1() {
    await sleep(0.001);
    divideByZero();
  });
  const coro2 = coroutine(async function coro2(g: TaskGroup) {
    try {
      await sleep(1);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      const c = coro1();
      print(outcome(() => g.createTask(c)).replace(repr(g), "<tg>"));
    }
  });
  try {
    await taskGroup(async (g) => {
      g.createTask(coro1());
      g.createTask(coro2(g));
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(errorTypes(e));
  }
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_context_manager_exit_raises
const taskgroup_context_manager_exit_raises = coroutine(async function taskgroup_context_manager_exit_raises() {
  class CustomException extends PythonError {}
  const raiseExc = coroutine(async function raise_exc() {
    throw new CustomException();
  });
  const main = coroutine(async function main() {
    const task = currentTask() as Task<unknown>;
    try {
      await taskGroup(async (tg) => {
        try {
          tg.createTask(raiseExc());
          await sleep(1);
        } finally {
          // (The test's async context manager raises in its finally.)
          throw new CustomException();
        }
      });
      print("CustomException not raised");
    } catch (e) {
      const err = exceptStar(e, CustomException);
      print(task.cancelling(), err.exceptions.length);
    }
  });
  await createTask(main());
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_finished
const taskgroup_finished = coroutine(async function taskgroup_finished() {
  let tg!: TaskGroup;
  await taskGroup(async (g) => {
    tg = g;
  });
  const coro = sleep(0);
  print(outcome(() => tg.createTask(coro)).replace(repr(tg), "<tg>"));
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_not_entered
const taskgroup_not_entered = coroutine(async function taskgroup_not_entered() {
  const tg = new TaskGroup();
  const coro = sleep(0);
  print(outcome(() => tg.createTask(coro)).replace(repr(tg), "<tg>"));
});

// test_taskgroups.py::TestTaskGroup::test_taskgroup_without_parent_task
const taskgroup_without_parent_task = coroutine(async function taskgroup_without_parent_task() {
  const enterOutsideATask = coroutine(async function enter_outside_a_task() {
    await taskGroup(async () => {});
  });
  print(await aoutcome(awaitWithoutTask(enterOutsideATask())));
});

// test_taskgroups.py::TestTaskGroup::test_coro_closed_when_tg_closed
async function coro_closed_when_tg_closed() {
  const runCoroAfterTgCloses = coroutine(async function run_coro_after_tg_closes() {
    let tg!: TaskGroup;
    await taskGroup(async (g) => {
      tg = g;
    });
    const coro = sleep(0);
    print(outcome(() => tg.createTask(coro)).replace(repr(tg), "<tg>"));
  });
  await run(runCoroAfterTgCloses());
}

const raiseAfter = coroutine(async function raise_after(t: number, e: new () => Error) {
  await sleep(t);
  throw new e();
});

// test_taskgroups.py::TestTaskGroup::test_cancelling_level_preserved
const cancelling_level_preserved = coroutine(async function cancelling_level_preserved() {
  try {
    await taskGroup(async (tg) => {
      tg.createTask(raiseAfter(0.0, RuntimeError));
    });
  } catch (e) {
    exceptStar(e, RuntimeError);
    print("caught RuntimeError");
  }
  print(currentTask()?.cancelling());
});

// test_taskgroups.py::TestTaskGroup::test_nested_groups_both_cancelled
const nested_groups_both_cancelled = coroutine(async function nested_groups_both_cancelled() {
  try {
    await taskGroup(async (outerTg) => {
      try {
        await taskGroup(async (innerTg) => {
          innerTg.createTask(raiseAfter(0, RuntimeError));
          outerTg.createTask(raiseAfter(0, ValueError));
        });
        print("RuntimeError not raised");
      } catch (e) {
        exceptStar(e, RuntimeError);
        print("inner: RuntimeError");
      }
      print(currentTask()?.cancelling());
    });
    print("ValueError not raised");
  } catch (e) {
    exceptStar(e, ValueError);
    print("outer: ValueError");
  }
  print(currentTask()?.cancelling());
});

// test_taskgroups.py::TestTaskGroup::test_error_and_cancel
const error_and_cancel = coroutine(async function error_and_cancel() {
  const event = new Event();
  const raiseError = coroutine(async function raise_error() {
    event.set();
    await sleep(0);
    throw new RuntimeError();
  });
  const inner = coroutine(async function inner() {
    try {
      await taskGroup(async (tg) => {
        tg.createTask(raiseError());
        await sleep(1);
        print("Sleep in group should have been cancelled");
      });
    } catch (e) {
      exceptStar(e, RuntimeError);
      print("in except*:", currentTask()?.cancelling());
    }
    print("after:", currentTask()?.cancelling());
    await sleep(1);
    print("Sleep after group should have been cancelled");
  });
  const outer = coroutine(async function outer() {
    const t = createTask(inner());
    await event.wait();
    print(t.cancelling());
    t.cancel();
    print(t.cancelling());
    print(await aoutcome(t), t.cancelled());
  });
  await outer();
});

export default () =>
  runTests(
    taskgroup_01,
    taskgroup_02,
    taskgroup_03,
    taskgroup_04,
    cancel_children_on_child_error,
    cancellation,
    taskgroup_07,
    taskgroup_08,
    taskgroup_09,
    taskgroup_10,
    taskgroup_11,
    taskgroup_12,
    taskgroup_13,
    taskgroup_14,
    taskgroup_15,
    taskgroup_16,
    taskgroup_17,
    taskgroup_18,
    taskgroup_19,
    taskgroup_20,
    taskgroup_22,
    taskgroup_23,
    taskgroup_24,
    taskgroup_25,
    taskgroup_task_name,
    taskgroup_no_create_task_after_failure,
    taskgroup_context_manager_exit_raises,
    taskgroup_finished,
    taskgroup_not_entered,
    taskgroup_without_parent_task,
    coro_closed_when_tg_closed,
    cancelling_level_preserved,
    nested_groups_both_cancelled,
    error_and_cancel,
  );
