/**
 * Cancelling a task, fixed: long_running_task re-raises the CancelledError
 * after its cleanup, so the task ends cancelled and `await task` raises it in
 * main: "Main also noticed that the task was cancelled".
 */
import { CancelledError, coroutine, createTask, defineScenario, print, sleep } from "async-demo";

const long_running_task = coroutine(async function long_running_task() {
  try {
    await sleep(10); // Simulate a long task
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("Task was cancelled");
    throw e; // raise: let the cancellation through
  }
});

const main = coroutine(async function main() {
  const task = createTask(long_running_task());
  await sleep(1); // Let the task start
  task.cancel();
  try {
    await task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("Main also noticed that the task was cancelled");
  }
});

export default defineScenario({
  name: "cancel-reraise",
  title: "Cancelling a task, fixed: re-raise the CancelledError",
  summary: "the task cleans up and re-raises, so it ends cancelled and `await task` raises CancelledError in main",
  explain:
    "Catch CancelledError only to clean up, then `raise` it again. The task then ends cancelled (cancelled() is True), and whoever awaits it gets the CancelledError: main prints 'Main also noticed that the task was cancelled'. Compare scenario cancel, where the task swallows it.",
  params: {},
  main,
  hint(event, { coroName }) {
    if (event.type === "task-done" && event.outcome === "cancelled" && coroName(event.task) === "long_running_task") {
      return "long_running_task re-raised the CancelledError: the task ends cancelled";
    }
    if (event.type === "print" && event.text.startsWith("Main also noticed")) {
      return "`await task` raised CancelledError in main because the task let it through";
    }
    return undefined;
  },
});
