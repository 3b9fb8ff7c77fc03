// Catalogue 19: cancel() only requests cancellation; CancelledError is raised at the task's await next iteration.
import { CancelledError, coroutine, createTask, fixed, getRunningLoop, print, run, sleep } from "../../src/index.js";

const worker = coroutine(async function worker() {
  try {
    print("worker: sleeping");
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("worker: CancelledError raised at the await");
    throw e;
  }
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const t = createTask(worker());
  await sleep(0.1);
  print("cancel() ->", t.cancel());
  print("right after cancel: cancelled() =", t.cancelled(), "done() =", t.done());
  await sleep(0);
  print("one iteration later: cancelled() =", t.cancelled(), "done() =", t.done());
  print(`elapsed ${fixed(loop.time() - t0, 1)}`);
});

export default () => run(main());
