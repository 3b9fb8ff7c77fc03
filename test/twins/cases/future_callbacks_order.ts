// Done callbacks run one iteration after the future completes, each as its own
// ready callback in the order added (a ticker shows when); added to a done
// future they are scheduled at once; remove_done_callback removes every copy.
import { coroutine, createTask, type Future, getRunningLoop, print, run, sleep } from "../../../src/index.js";

const ticker = coroutine(async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    print("tick", i);
    await sleep(0);
  }
});

function cb(name: string) {
  return (fut: Future<number>) => print("callback", name, "sees", fut.result());
}

const waiter = coroutine(async function waiter(fut: Future<number>) {
  print("waiter got", await fut);
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const fut = loop.createFuture<number>();
  const first = cb("first");
  const dup = cb("dup");
  fut.addDoneCallback(first);
  fut.addDoneCallback(dup);
  const w = createTask(waiter(fut));
  fut.addDoneCallback(dup);
  fut.addDoneCallback(cb("last"));
  print("removed", fut.removeDoneCallback(dup));
  const t = createTask(ticker(5));
  await sleep(0);
  print("set_result");
  fut.setResult(42);
  await sleep(0);
  print("adding to a done future");
  fut.addDoneCallback(cb("late"));
  await w;
  await t;
});

export default () => run(main());
