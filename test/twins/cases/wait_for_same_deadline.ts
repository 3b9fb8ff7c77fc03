// wait_for when the awaited future and the timeout are due at the same time:
// timers fire in creation order, so a future set by an earlier timer completes
// first, yet the timeout still cancels the not-yet-resumed task and the value
// is lost (TimeoutError); a sleep created after the timeout never completes.
import { coroutine, getRunningLoop, print, run, sleep, TimeoutError, waitFor } from "../../../src/index.js";

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const fut = loop.createFuture<string>();
  loop.callLater(0.2, (v: string) => fut.setResult(v), "early timer value");
  try {
    print("future ->", await waitFor(fut, 0.2));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("future: TimeoutError; future done?", fut.done(), "result", fut.result());
  }
  try {
    print("sleep ->", await waitFor(sleep(0.2, "slept"), 0.2));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("sleep: TimeoutError");
  }
  print("fast ->", await waitFor(sleep(0.1, "fast"), 0.2));
});

export default () => run(main());
