// cancel() after a task's future is done but before the task has resumed:
// the result is thrown away and CancelledError is raised instead; the same
// for a task that is ready to run after sleep(0).
import {
  CancelledError,
  coroutine,
  createTask,
  type Future,
  getRunningLoop,
  print,
  run,
  sleep,
} from "../../../src/index.js";

const waiter = coroutine(async function waiter(fut: Future<string>) {
  try {
    const v = await fut;
    print("waiter got", v);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("waiter: CancelledError although the future has result", fut.result());
    throw e;
  }
});

const hopper = coroutine(async function hopper() {
  try {
    await sleep(0);
    print("hopper resumed");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("hopper: CancelledError at its sleep(0)");
    throw e;
  }
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const fut = loop.createFuture<string>();
  const w = createTask(waiter(fut));
  const h = createTask(hopper());
  await sleep(0);
  fut.setResult("value");
  print("cancel waiter ->", w.cancel(), "cancel hopper ->", h.cancel());
  for (const t of [w, h]) {
    try {
      await t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
    }
  }
  print("cancelled:", w.cancelled(), h.cancelled());
});

export default () => run(main());
