/**
 * Exceptions in gather(): the tutorial's task_that_fails. The first error
 * reaches main as soon as it is raised, but gather does not cancel the other
 * coroutine: with outlive=true, fetch_data visibly finishes afterwards.
 */
import { coroutine, defineScenario, gather, isBaseException, print, sleep, str } from "async-demo";

const fetch_data = coroutine(async function fetch_data(outlive: boolean) {
  await sleep(outlive ? 2 : 1);
  if (outlive) print("fetch_data finished: gather did not cancel it");
  return "Data fetched";
});

const task_that_fails = coroutine(async function task_that_fails() {
  await sleep(1);
  throw new Error("Task error");
});

const main = coroutine(async function main({ outlive }: { outlive: boolean }) {
  try {
    await gather(fetch_data(outlive), task_that_fails());
  } catch (e) {
    if (isBaseException(e)) throw e; // except Exception as e
    print(`Caught an exception: ${str(e)}`);
  }
  if (outlive) await sleep(1.5); // main keeps running, and so does fetch_data
});

export default defineScenario({
  name: "exceptions",
  title: "Exceptions in gather(): the first error wins, the others keep running",
  summary: "task_that_fails raises inside gather; main catches it, but gather does not cancel fetch_data",
  explain:
    "gather() hands the first exception to the awaiting code as soon as it is raised, but it does not cancel the other coroutines: they keep running. Here they only stop when asyncio.run cancels the leftovers after main returns; set outlive=true to watch fetch_data finish after main caught the error. To stop the siblings on the first failure, use a TaskGroup (scenario taskgroup).",
  params: {
    outlive: {
      type: "boolean",
      default: false,
      description: "fetch_data takes 2 s and main waits 1.5 s after the error, so fetch_data visibly outlives it",
    },
  },
  main,
  hint(event, { coroName }) {
    if (event.type === "task-done" && event.outcome === "exception" && coroName(event.task) === "task_that_fails") {
      return "task_that_fails raised: gather passes the error to main at once, without cancelling its other children";
    }
    if (event.type === "print" && event.text.startsWith("Caught an exception")) {
      return "main caught the first error from gather; gather cancels none of the other children";
    }
    if (event.type === "print" && event.text.startsWith("fetch_data finished")) {
      return "fetch_data ran to the end after gather had failed: gather does not cancel siblings";
    }
    return undefined;
  },
});
