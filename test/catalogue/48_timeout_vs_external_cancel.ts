// Catalogue 48: an outside cancel at the same moment as the deadline wins: CancelledError, not TimeoutError.
import {
  CancelledError,
  coroutine,
  createTask,
  getRunningLoop,
  print,
  run,
  sleep,
  TimeoutError,
  timeout,
} from "../../src/index.js";

const worker = coroutine(async function worker() {
  try {
    await timeout(0.1, async () => {
      await sleep(10);
    });
  } catch (e) {
    if (e instanceof TimeoutError) print("worker: TimeoutError");
    else if (e instanceof CancelledError) {
      print("worker: CancelledError (external cancel wins)");
      throw e;
    } else throw e;
  }
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t = createTask(worker());
  loop.callLater(0.1, () => t.cancel()); // same moment as the deadline
  await sleep(0.2);
  print("worker cancelled():", t.cancelled());
});

export default () => run(main());
