/**
 * The graceful-shutdown recipe, fixed: the same cleanup, then `raise` after
 * "Cleaned up", so a Ctrl-C still ends the program with KeyboardInterrupt
 * (exit status 130) once every task has cleaned up.
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
    throw e; // raise: let Ctrl-C end the program
  }
});

export default defineScenario({
  name: "shutdown-reraise",
  title: "Graceful shutdown, fixed: clean up, then re-raise",
  summary: "the shutdown recipe with `raise` after the cleanup: Ctrl-C still exits with KeyboardInterrupt (130)",
  explain:
    "This is the fix for scenario shutdown: the same cleanup, then `raise` lets the CancelledError out of main. asyncio.run sees its main task cancelled by Ctrl-C and raises KeyboardInterrupt, so the program stops with exit status 130 instead of pretending it succeeded (catch KeyboardInterrupt around asyncio.run for a quiet exit). Try --interrupt-at 0.5.",
  params: {},
  interruptPrompt: "press Ctrl-C now: watch the cleanup, then KeyboardInterrupt",
  main,
  hint(event, { coroName }) {
    if (event.type === "interrupt") {
      return "main is awaiting gather, so the cancel goes on to every task before main sees it";
    }
    if (event.type === "task-done" && event.outcome === "cancelled" && coroName(event.task) !== "main") {
      return `${coroName(event.task)} cleaned up and re-raised: it ends cancelled`;
    }
    if (event.type === "print" && event.text === "Cleaned up") {
      return "main re-raises after cleaning up: asyncio.run turns the cancelled main into KeyboardInterrupt";
    }
    return undefined;
  },
});
