// Catalogue 26: (3.13) a task cancels itself then uncancel()s to 0: the undelivered cancellation is withdrawn.
import { CancelledError, coroutine, currentTask, print, run, sleep } from "../../src/index.js";

const worker = coroutine(async function worker() {
  const me = currentTask()!;
  me.cancel();
  print("cancelling() after cancel:", me.cancelling());
  print("uncancel() ->", me.uncancel());
  try {
    await sleep(0);
    print("no CancelledError delivered");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("CancelledError delivered anyway");
  }
});

export default () => run(worker());
