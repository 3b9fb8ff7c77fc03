/**
 * gather() vs TaskGroup with a failing child: gather reports the error and
 * leaves fetch_data running; the TaskGroup cancels fetch_data, waits for it,
 * and raises an ExceptionGroup.
 */
import {
  CancelledError,
  coroutine,
  defineScenario,
  ExceptionGroup,
  fixed,
  gather,
  getRunningLoop,
  print,
  repr,
  sleep,
  taskGroup,
  ValueError,
} from "async-demo";

let started_at = 0;

/** Seconds since main started (loop.time() counts from an arbitrary point: in CPython, the machine's monotonic clock). */
function elapsed(): number {
  return getRunningLoop().time() - started_at;
}

const fetch_data = coroutine(async function fetch_data(label: string) {
  try {
    await sleep(2);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`${label}: fetch_data cancelled at t=${fixed(elapsed(), 1)}`);
    throw e;
  }
  print(`${label}: fetch_data finished at t=${fixed(elapsed(), 1)}`);
  return "Data fetched";
});

const task_that_fails = coroutine(async function task_that_fails() {
  await sleep(1);
  throw new ValueError("Task error");
});

const with_gather = coroutine(async function with_gather() {
  try {
    await gather(fetch_data("gather"), task_that_fails());
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(`gather: caught ${repr(e)} at t=${fixed(elapsed(), 1)}`);
  }
  await sleep(1.5); // fetch_data is still running: watch it finish
});

const with_taskgroup = coroutine(async function with_taskgroup() {
  try {
    await taskGroup(async (tg) => {
      tg.createTask(fetch_data("TaskGroup"));
      tg.createTask(task_that_fails());
    });
  } catch (e) {
    // except* Exception as eg
    const eg = e instanceof ExceptionGroup ? e.subgroup(Error) : undefined;
    if (eg === undefined) throw e;
    print(`TaskGroup: caught ${repr(eg)} at t=${fixed(elapsed(), 1)}`);
  }
});

const main = coroutine(async function main() {
  started_at = getRunningLoop().time();
  await with_gather();
  await with_taskgroup();
});

export default defineScenario({
  name: "taskgroup",
  title: "gather() vs TaskGroup: who cancels the siblings of a failing task",
  summary:
    "the same failing child under gather (the sibling keeps running) and under a TaskGroup (the sibling is cancelled)",
  explain:
    "When a child fails, gather only passes the error on: the sibling keeps running to the end. A TaskGroup cancels every other child at once, waits for them to finish, then raises an ExceptionGroup with all the errors, caught with `except*`. Use a TaskGroup when the tasks only make sense together.",
  params: {},
  main,
  hint(event, { coroName }) {
    if (event.type === "cancel-requested" && event.cause === "taskGroup") {
      return coroName(event.task) === "fetch_data"
        ? "task_that_fails failed: the TaskGroup cancels its other child, fetch_data"
        : "the TaskGroup also wakes main at the end of the async with: once every child is done, it raises the ExceptionGroup";
    }
    if (event.type === "print" && event.text.startsWith("gather: caught")) {
      return "gather passed the error on, but did not cancel fetch_data: it is still sleeping";
    }
    if (event.type === "print" && event.text.startsWith("gather: fetch_data finished")) {
      return "fetch_data finished after gather had failed: nobody cancelled it";
    }
    if (event.type === "print" && event.text.startsWith("TaskGroup: caught")) {
      return "the TaskGroup waited for its cancelled child, then raised the errors as an ExceptionGroup";
    }
    return undefined;
  },
});
