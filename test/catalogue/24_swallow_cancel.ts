// Catalogue 24: a task that swallows CancelledError ends normally with its return value (cancelled() False).
import { CancelledError, coroutine, createTask, print, repr, run, sleep } from "../../src/index.js";

const worker = coroutine(async function worker() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("worker: cancelled, swallowing");
  }
  return "worker result";
});

const main = coroutine(async function main() {
  const t = createTask(worker());
  await sleep(0.1);
  t.cancel();
  const r = await t;
  print("await t returned", repr(r), "| cancelled() =", t.cancelled(), "| cancelling() =", t.cancelling());
});

export default () => run(main());
