// Catalogue 37: cancelling the shielded task itself still cancels the awaiter; shield(done task) is that task.
import { CancelledError, coroutine, createTask, getRunningLoop, print, run, shield, sleep } from "../../src/index.js";

const inner = coroutine(async function inner() {
  await sleep(10);
});

const main = coroutine(async function main() {
  const t = createTask(inner());
  getRunningLoop().callLater(0.1, () => t.cancel());
  try {
    await shield(t);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("awaiter: CancelledError because the inner task itself was cancelled");
  }
  const done_quick = coroutine(async function done_quick() {
    return 1;
  });
  const d = createTask(done_quick());
  await d;
  print("shield(done task) is the task:", shield(d) === d);
});

export default () => run(main());
