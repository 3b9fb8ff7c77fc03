// A ticker shows the extra iterations shield() costs, and that the inner task
// keeps running, iteration by iteration, after the shielded awaiter is cancelled.
import { CancelledError, coroutine, createTask, print, run, shield, sleep, type Task } from "../../../src/index.js";

const ticker = coroutine(async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    print("tick", i);
    await sleep(0);
  }
});

const work = coroutine(async function work(name: string, hops: number) {
  for (let i = 0; i < hops; i++) await sleep(0);
  print(name, "finished");
  return name;
});

const shieldWaiter = coroutine(async function shield_waiter(inner: Task<string>) {
  return await shield(inner);
});

const main = coroutine(async function main() {
  const t = createTask(ticker(16));
  const inner = createTask(work("inner", 1));
  print("shield(task) ->", await shield(inner));
  print("shield(coro) ->", await shield(work("coro", 1)));
  const inner2 = createTask(work("inner2", 3));
  const waiter = createTask(shieldWaiter(inner2));
  await sleep(0);
  print("cancel waiter:", waiter.cancel());
  try {
    await waiter;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("waiter cancelled; inner2 done?", inner2.done());
  }
  print("inner2 ->", await inner2);
  await t;
});

export default () => run(main());
