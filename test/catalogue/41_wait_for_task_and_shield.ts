// Catalogue 41: waitFor on a Task cancels it on timeout; wrapped in shield() the task keeps running.
import { coroutine, createTask, print, run, shield, sleep, TimeoutError, waitFor } from "../../src/index.js";

const job = coroutine(async function job() {
  await sleep(0.3);
  return "job result";
});

const main = coroutine(async function main() {
  const t1 = createTask(job());
  try {
    await waitFor(t1, 0.1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("plain: TimeoutError; t1.cancelled() =", t1.cancelled());
  }
  const t2 = createTask(job());
  try {
    await waitFor(shield(t2), 0.1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("shielded: TimeoutError; t2.cancelled() =", t2.cancelled());
  }
  print("t2 still completes:", await t2);
});

export default () => run(main());
