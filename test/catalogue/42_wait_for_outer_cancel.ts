// Catalogue 42: cancelling the task that calls waitFor cancels the inner and CancelledError propagates.
import { CancelledError, coroutine, createTask, print, run, sleep, TimeoutError, waitFor } from "../../src/index.js";

const inner = coroutine(async function inner() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("inner: cancelled");
    throw e;
  }
});

const caller = coroutine(async function caller() {
  try {
    await waitFor(inner(), 5);
  } catch (e) {
    if (e instanceof TimeoutError) print("caller: TimeoutError");
    else if (e instanceof CancelledError) {
      print("caller: CancelledError");
      throw e;
    } else throw e;
  }
});

const main = coroutine(async function main() {
  const c = createTask(caller());
  await sleep(0.1);
  c.cancel();
  await sleep(0.01);
  print("caller cancelled():", c.cancelled());
});

export default () => run(main());
