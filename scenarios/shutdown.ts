/**
 * The tutorial's graceful-shutdown recipe with real coroutines. Under Ctrl-C
 * (--interrupt-at 0.5) the cancel reaches every task through gather before
 * main's except runs, and main then swallows the CancelledError: exit status 0.
 */
import { CancelledError, coroutine, createTask, defineScenario, gather, print, sleep } from "async-demo";

const fetch_data = coroutine(async function fetch_data() {
  try {
    await sleep(1);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("fetch_data: cancelled, cleaning up");
    throw e;
  }
  print("fetch_data: done");
  return "Data fetched";
});

const process_data = coroutine(async function process_data() {
  try {
    await sleep(1);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("process_data: cancelled, cleaning up");
    throw e;
  }
  print("process_data: done");
  return "Data processed";
});

const long_running_task = coroutine(async function long_running_task() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("long_running_task: cancelled, cleaning up");
    throw e;
  }
  print("long_running_task: done");
  return "Long task finished";
});

const main = coroutine(async function main() {
  const coroutines = [fetch_data(), process_data(), long_running_task()];
  const tasks = coroutines.map((c) => createTask(c));
  try {
    await gather(...tasks);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(
      "cancel() returned",
      tasks.map((task) => task.cancel()),
    );
    print(await gather(...tasks, { returnExceptions: true }));
    print("Cleaned up");
  }
});

export default defineScenario({
  name: "shutdown",
  title: "The tutorial's graceful shutdown: Ctrl-C turns into a silent exit 0",
  summary:
    "the cancel-all-then-gather recipe; under Ctrl-C the tasks are already cancelled and main swallows the cancel",
  explain:
    'Ctrl-C cancels main, and since main is awaiting gather the cancel reaches every task first: when main\'s except runs they are all finished, so each cancel() returns False and the second gather only collects their CancelledErrors. Main then swallows the CancelledError, so asyncio.run returns normally: no KeyboardInterrupt, exit status 0, exactly as in CPython. The fix is `raise` after "Cleaned up" (scenario shutdown-reraise); try --interrupt-at 0.5, or --cancel long_running_task@0.5.',
  params: {},
  interruptPrompt: "press Ctrl-C now: watch the graceful shutdown unwind",
  main,
  hint(event, { coroName }) {
    if (event.type === "interrupt") {
      return "main is awaiting gather, so the cancel goes on to every task before main sees it";
    }
    if (event.type === "task-done" && event.outcome === "cancelled" && coroName(event.task) !== "main") {
      return `${coroName(event.task)} cleaned up and re-raised: it ends cancelled`;
    }
    if (event.type === "print" && event.text.startsWith("cancel() returned")) {
      return event.text.includes("True")
        ? "cancel() returns True only for the tasks still running: the others already finished"
        : "every task had already finished: cancel() did nothing (False)";
    }
    if (event.type === "print" && event.text === "Cleaned up") {
      return "main swallows the CancelledError and returns normally: asyncio.run reports success, exit status 0";
    }
    return undefined;
  },
});
