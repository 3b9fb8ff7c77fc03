// Two cancel() calls before the task runs again: both return True and
// cancelling() counts 2; a sleeping task gets the FIRST message (its sleep was
// cancelled with it), an unstarted one the LAST; the handler's awaits run on.
import { CancelledError, coroutine, createTask, currentTask, print, repr, run, sleep } from "../../../src/index.js";

const worker = coroutine(async function worker() {
  const me = currentTask()!;
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("worker got", repr(e), "cancelling", me.cancelling());
    await sleep(0.1);
    print("worker cleanup not interrupted");
    return "finished anyway";
  }
  return undefined;
});

const never = coroutine(async function never() {
  print("never runs");
});

const main = coroutine(async function main() {
  const t = createTask(worker());
  await sleep(1);
  print("cancel first ->", t.cancel("first"));
  print("cancel second ->", t.cancel("second"));
  print("worker ->", await t, "cancelled?", t.cancelled(), "cancelling", t.cancelling());
  print("cancel a done task ->", t.cancel("late"));
  const n = createTask(never());
  print("cancel unstarted ->", n.cancel("a"), n.cancel("b"));
  try {
    await n;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("unstarted task:", repr(e), "cancelling", n.cancelling());
  }
});

export default () => run(main());
