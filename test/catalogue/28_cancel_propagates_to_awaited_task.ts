// Catalogue 28: cancelling a task that awaits another task cancels that inner task too.
import { CancelledError, coroutine, createTask, print, run, sleep, type Task } from "../../src/index.js";

const inner = coroutine(async function inner() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("inner: cancelled too");
    throw e;
  }
});

const outer = coroutine(async function outer(t: Task<void>) {
  await t;
});

const main = coroutine(async function main() {
  const i = createTask(inner());
  const o = createTask(outer(i));
  await sleep(0.1);
  o.cancel();
  await sleep(0.01);
  print("outer cancelled:", o.cancelled(), "| inner cancelled:", i.cancelled());
});

export default () => run(main());
