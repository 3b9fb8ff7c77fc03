/**
 * Cancelling a task, exactly as the tutorial writes it: long_running_task
 * catches CancelledError and only prints, so it swallows the cancellation and
 * `await task` returns None: main never prints "Main also noticed…".
 */
import { CancelledError, coroutine, createTask, defineScenario, print, sleep } from "async-demo";

const long_running_task = coroutine(async function long_running_task() {
  try {
    await sleep(10); // Simulate a long task
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("Task was cancelled");
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
  name: "cancel",
  title: "Cancelling a task: a swallowed CancelledError ends the task normally",
  summary: "the tutorial's cancel example: the task catches CancelledError without re-raising, so main never sees it",
  explain:
    "task.cancel() throws CancelledError into the task at its await; long_running_task catches it and only prints, so it has swallowed the cancellation: its coroutine returns None and the task ends normally (cancelled() is False). That is why `await task` returns None and main's except never prints 'Main also noticed…'. Re-raise in the except block (`raise`, scenario cancel-reraise) and the cancellation reaches main.",
  params: {},
  main,
  hint(event, { coroName }) {
    if (event.type === "cancel-requested" && event.cause === "task" && coroName(event.task) === "long_running_task") {
      return "task.cancel() only asks: CancelledError will be thrown into long_running_task at its sleep";
    }
    if (event.type === "task-done" && event.swallowed) {
      return `${coroName(event.task)} swallowed the cancellation: it ends normally, so \`await task\` returns None instead of raising`;
    }
    if (event.type === "task-done" && coroName(event.task) === "main" && event.outcome === "result") {
      return "`await task` returned None, so main's except CancelledError never ran";
    }
    return undefined;
  },
});
