// Catalogue 45: timeout() cancels the task at its await; leaving the block turns that into TimeoutError.
import {
  CancelledError,
  coroutine,
  currentTask,
  fixed,
  getRunningLoop,
  print,
  run,
  sleep,
  str,
  type Timeout,
  TimeoutError,
  timeout,
} from "../../src/index.js";

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  let cm!: Timeout; // `as cm` stays visible after the block, as in Python
  try {
    await timeout(0.1, async (entered) => {
      cm = entered;
      try {
        await sleep(10);
        print("not reached");
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print("inside block: CancelledError (not TimeoutError)");
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(
      `outside: TimeoutError at ${fixed(loop.time() - t0, 1)}; expired() = ${str(cm.expired())};`,
      `cause = ${e.cause === undefined ? "NoneType" : (e.cause as Error).constructor.name}`,
    );
  }
  print("task cancelling() after timeout:", currentTask()?.cancelling());
});

export default () => run(main());
