// Catalogue 90: a task that swallows its cancellation returns normally, so `await task` does not raise.
import { CancelledError, coroutine, createTask, print, run, sleep } from "../../src/index.js";

const cancellable_task = coroutine(async function cancellable_task(reraise: boolean) {
  try {
    print("Task started");
    await sleep(5);
    print("Task completed");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("Task was cancelled");
    if (reraise) throw e;
  }
});

const main = coroutine(async function main(reraise: boolean) {
  const task = createTask(cancellable_task(reraise));
  await sleep(0.1);
  task.cancel();
  try {
    const result = await task;
    print("await task returned", result, "| task.cancelled() =", task.cancelled());
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("Main also noticed that the task was cancelled");
  }
});

export default async () => {
  print("-- as in the tutorial (no re-raise):");
  await run(main(false));
  print("-- with `raise` added in the except block:");
  await run(main(true));
};
