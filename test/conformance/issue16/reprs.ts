// Reprs of futures and tasks as CPython 3.13 writes them, beyond item 4 of issue 16
// (found while porting test_futures.py and test_tasks.py): a result is shortened as
// reprlib does, callbacks are listed (the first and last of many), a parked task names
// the future it waits for.
import {
  coroutine,
  createTask,
  getRunningLoop,
  print,
  repr,
  sleep,
  tuple,
  ValueError,
  waitFor,
} from "../../../src/index.js";
import { norm, runTests } from "../harness.js";

const results_shortened = coroutine(async function results_shortened() {
  const deep = [[1, [2, [3, [4, [5, [6, [7]]]]]]]];
  const values = [
    [...Array(10).keys()],
    "x".repeat(50),
    10n ** 50n,
    new Map([...Array(6).keys()].map((i) => [i, i])),
    tuple(1, 2, 3, 4, 5, 6, 7),
    deep,
    1.5,
    true,
    null,
    new Set([...Array(8).keys()]),
    new ValueError("a".repeat(40)),
    "short",
    tuple(1),
    [],
    {},
    new Set(),
    { b: [1, 2], a: "z".repeat(40) },
  ];
  for (const value of values) {
    const f = getRunningLoop().createFuture();
    f.setResult(value);
    print(repr(f));
  }
});

const task_results_and_callbacks = coroutine(async function task_results_and_callbacks() {
  const make = coroutine(async function make(value: unknown) {
    return value;
  });
  const t = createTask(make([...Array(100).keys()]), { name: "big" });
  await t;
  print(norm(repr(t)));
  function first(_fut: unknown) {}
  function last(_fut: unknown) {}
  const f = getRunningLoop().createFuture();
  print(norm(repr(f)));
  f.addDoneCallback(first);
  print(norm(repr(f)));
  f.addDoneCallback(last);
  print(norm(repr(f)));
  for (let i = 0; i < 3; i++) f.addDoneCallback(first);
  print(norm(repr(f)));
  const waiter = createTask(waitFor(f, null), { name: "waiter" });
  await sleep(0);
  print(norm(repr(waiter)));
  f.setResult(undefined);
  await waiter;
  print(norm(repr(waiter)));
});

export default () => runTests(results_shortened, task_results_and_callbacks);
