// Catalogue 20: awaiting a task that ends cancelled raises CancelledError in the awaiter, which is not cancelled itself.
import { CancelledError, coroutine, createTask, currentTask, print, run, sleep } from "../../src/index.js";

const worker = coroutine(async function worker() {
  await sleep(10);
});

const main = coroutine(async function main() {
  const t = createTask(worker());
  await sleep(0);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: await t raised CancelledError");
  }
  print("main continues; main cancelling() =", currentTask()!.cancelling());
  print("t.cancelled() =", t.cancelled());
  return "main done";
});

export default async () => {
  print(await run(main()));
};
