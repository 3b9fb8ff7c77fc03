/**
 * gather(): the tutorial's first program. fetch_data and process_data each
 * sleep 1 s; gather runs them concurrently, so the results arrive after 1 s,
 * not 2 s, in argument order.
 */
import { coroutine, defineScenario, fixed, gather, getRunningLoop, print, sleep } from "async-demo";

const fetch_data = coroutine(async function fetch_data(delay: number) {
  await sleep(delay);
  return "Data fetched";
});

const process_data = coroutine(async function process_data(delay: number) {
  await sleep(delay);
  return "Data processed";
});

const main = coroutine(async function main({ delay }: { delay: number }) {
  const loop = getRunningLoop();
  const start = loop.time();
  const results = await gather(fetch_data(delay), process_data(delay));
  print(results);
  print(`took ${fixed(loop.time() - start, 1)} s, not ${fixed(2 * delay, 1)} s: the sleeps overlapped`);
});

export default defineScenario({
  name: "gather",
  title: "gather(): run coroutines concurrently",
  summary: "fetch_data and process_data run at the same time; results arrive together, in argument order",
  explain:
    "gather() wraps each coroutine in a task at once and waits for all of them. The tasks run concurrently, so two 1-second sleeps take 1 second, not 2. The results come back in the order of the arguments, whatever order the tasks finish in.",
  params: {
    delay: { type: "number", default: 1, min: 0, max: 60, description: "seconds each coroutine sleeps" },
  },
  main,
  hint(event, { coroName }) {
    if (event.type === "task-created" && event.by === "gather") {
      return `gather() wrapped ${event.coro}() in a task: it will start at main's next await`;
    }
    if (event.type === "suspend" && event.awaiting.kind === "gather") {
      return "main waits for the gather; both children are sleeping at the same time";
    }
    if (event.type === "task-done" && coroName(event.task) === "process_data") {
      return "both sleeps ended at the same moment: concurrency, not parallel threads";
    }
    return undefined;
  },
});
