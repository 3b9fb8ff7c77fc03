/**
 * Exceptions in gather(): the tutorial's task_that_fails. The first error
 * reaches main as soon as it is raised, but gather does not cancel the other
 * coroutine: fetch_data visibly finishes afterwards, while main goes on.
 */
import { coroutine, defineScenario, gather, isBaseException, print, sleep, str } from "async-demo";

const fetch_data = coroutine(async function fetch_data() {
  await sleep(2);
  print("fetch_data finished: gather did not cancel it");
  return "Data fetched";
});

const task_that_fails = coroutine(async function task_that_fails() {
  await sleep(1);
  throw new Error("Task error");
});

const main = coroutine(async function main({ wait_after }: { wait_after: number }) {
  try {
    await gather(fetch_data(), task_that_fails());
  } catch (e) {
    if (isBaseException(e)) throw e; // except Exception as e
    print(`Caught an exception: ${str(e)}`);
  }
  await sleep(wait_after); // main goes on, and so does fetch_data
});

export default defineScenario({
  name: "exceptions",
  title: "Exceptions in gather(): the first error wins, the others keep running",
  summary: "task_that_fails raises inside gather; main catches it, but gather does not cancel fetch_data",
  explain:
    "gather() hands the first exception to the awaiting code as soon as it is raised, but it does not cancel the other coroutines: main catches the error at t=1 and goes on, and fetch_data still finishes at t=2. A sibling stops only at its own end or when something cancels it (with --set wait_after=0 main returns at once and asyncio.run cancels fetch_data). To stop the siblings on the first failure, use a TaskGroup (scenario taskgroup).",
  params: {
    wait_after: {
      type: "number",
      default: 1.5,
      min: 0,
      max: 60,
      description:
        "seconds main goes on after catching the error (0: it returns at once and asyncio.run cancels fetch_data)",
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
