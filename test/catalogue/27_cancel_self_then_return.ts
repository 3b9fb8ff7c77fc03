// Catalogue 27: a task that cancels itself gets CancelledError at its next await; returning instead still ends it cancelled.
import { CancelledError, coroutine, createTask, currentTask, print, run, sleep } from "../../src/index.js";

const self_cancel_then_await = coroutine(async function self_cancel_then_await() {
  currentTask()!.cancel();
  print("A: still running after cancel()");
  try {
    await sleep(0);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("A: CancelledError at next await");
    throw e;
  }
});

const self_cancel_then_return = coroutine(async function self_cancel_then_return() {
  currentTask()!.cancel();
  return 42;
});

const main = coroutine(async function main() {
  const a = createTask(self_cancel_then_await());
  const b = createTask(self_cancel_then_return());
  await sleep(0.01);
  print("A cancelled():", a.cancelled());
  print("B cancelled():", b.cancelled(), "(return value 42 lost)");
});

export default () => run(main());
