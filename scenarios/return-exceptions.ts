/**
 * gather(..., return_exceptions=True): a failing coroutine does not fail the
 * gather; its exception comes back as a value, in its place in the results.
 */
import { coroutine, defineScenario, gather, print, repr, sleep } from "async-demo";

const fetch_data = coroutine(async function fetch_data() {
  await sleep(1);
  return "Data fetched";
});

const task_that_fails = coroutine(async function task_that_fails() {
  await sleep(1);
  throw new Error("Task error");
});

const process_data = coroutine(async function process_data() {
  await sleep(2);
  return "Data processed";
});

const main = coroutine(async function main() {
  const results = await gather(fetch_data(), task_that_fails(), process_data(), { returnExceptions: true });
  print(results);
  const names = ["fetch_data", "task_that_fails", "process_data"];
  for (const [i, result] of results.entries()) {
    if (result instanceof Error) {
      // isinstance(result, BaseException)
      print(`${names[i]}: failed with ${repr(result)}`);
    } else {
      print(`${names[i]}: ok, ${repr(result)}`);
    }
  }
});

export default defineScenario({
  name: "return-exceptions",
  title: "gather(return_exceptions=True): errors become results",
  summary: "task_that_fails raises, yet gather waits for everyone and returns the exception in its place in the list",
  explain:
    "With return_exceptions=True, gather never raises a child's exception: it waits for every child and puts each exception in the results list, in argument order, like a value. You then check each result yourself (isinstance(result, BaseException)). A cancelled child shows up the same way, as a CancelledError value.",
  params: {},
  main,
  hint(event, { coroName }) {
    if (event.type === "task-done" && event.outcome === "exception" && coroName(event.task) === "task_that_fails") {
      return "task_that_fails raised, but with return_exceptions=True gather keeps waiting for the others";
    }
    if (event.type === "task-done" && coroName(event.task) === "process_data") {
      return "every child has finished: gather returns the list, the exception in its place";
    }
    return undefined;
  },
});
