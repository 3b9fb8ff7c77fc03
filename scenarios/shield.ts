/**
 * shield(): wait_for(shield(task), 1) times out, but only main's wait is
 * cancelled; important_task keeps running, and main collects its result later.
 */
import {
  coroutine,
  createTask,
  defineScenario,
  fixed,
  getRunningLoop,
  print,
  repr,
  shield,
  sleep,
  TimeoutError,
  waitFor,
} from "async-demo";

let started_at = 0;

/** Seconds since main started (loop.time() counts from an arbitrary point: in CPython, the machine's monotonic clock). */
function elapsed(): number {
  return getRunningLoop().time() - started_at;
}

const important_task = coroutine(async function important_task() {
  await sleep(2);
  print(`important_task: finished at t=${fixed(elapsed(), 1)}`);
  return "saved";
});

const main = coroutine(async function main({ limit }: { limit: number }) {
  started_at = getRunningLoop().time();
  const task = createTask(important_task());
  try {
    const result = await waitFor(shield(task), limit);
    print("main: got", repr(result), "in time");
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`main: gave up waiting at t=${fixed(elapsed(), 1)}; task.done() =`, task.done());
  }
  const result = await task;
  print(`main: important_task returned ${repr(result)} at t=${fixed(elapsed(), 1)}`);
});

export default defineScenario({
  name: "shield",
  title: "shield(): time out the wait, not the work",
  summary:
    "wait_for(shield(task), 1) gives up after 1 s, yet important_task keeps running and main gets its result later",
  explain:
    "shield(task) puts a buffer between the caller and the task: cancelling the caller's wait (here, wait_for's timeout) cancels only the shield, never the task inside. The task keeps running, and you can await it again later for its result. Without shield, wait_for would cancel important_task.",
  params: {
    limit: {
      type: "number",
      default: 1,
      min: 0,
      max: 60,
      description: "seconds main waits before giving up (the task needs 2)",
    },
  },
  main,
  hint(event, { coroName }) {
    if (event.type === "cancel-requested" && event.cause === "timeout") {
      return "the timeout cancels main's wait on the shield; the shield absorbs it and important_task is untouched";
    }
    if (event.type === "task-done" && coroName(event.task) === "important_task") {
      return "important_task finished undisturbed: shield kept the timeout's cancel away from it";
    }
    return undefined;
  },
});
