/**
 * A swarm of tasks, for scale: each draws (mulberry32, seeded) how long it
 * sleeps, whether it fails and whether main cancels it; one gather with
 * return_exceptions collects them all, and one line sums up.
 */
import {
  CancelledError,
  coroutine,
  createTask,
  defineScenario,
  fixed,
  gather,
  getRunningLoop,
  print,
  sleep,
  ValueError,
} from "async-demo";

/** mulberry32, bit for bit as in the Python twin: floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return function rand() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const worker = coroutine(async function worker(duration_ms: number, fails: boolean) {
  await sleep(duration_ms / 1000);
  if (fails) throw new ValueError("worker failed");
  return duration_ms;
});

interface Params {
  tasks: number;
  seed: number;
  fail_rate: number;
  cancel_rate: number;
}

const main = coroutine(async function main({ tasks, seed, fail_rate, cancel_rate }: Params) {
  const loop = getRunningLoop();
  const start = loop.time();
  const rand = mulberry32(seed);
  const workers = [];
  for (let i = 0; i < tasks; i++) {
    // Four draws per task, always in this order.
    const duration_ms = Math.floor(rand() * 1001);
    const fails = rand() < fail_rate;
    const gets_cancelled = rand() < cancel_rate;
    const cancel_at_ms = Math.floor(rand() * 1001);
    const task = createTask(worker(duration_ms, fails));
    if (gets_cancelled) loop.callLater(cancel_at_ms / 1000, () => task.cancel());
    workers.push(task);
  }
  const results = await gather(...workers, { returnExceptions: true });
  let done = 0;
  let failed = 0;
  let cancelled = 0;
  let slowest = 0;
  for (const result of results) {
    if (typeof result === "number") {
      done += 1;
      slowest = Math.max(slowest, result);
    } else if (result instanceof ValueError) {
      failed += 1;
    } else if (result instanceof CancelledError) {
      cancelled += 1;
    }
  }
  const elapsed = loop.time() - start;
  print(
    `${tasks} tasks: ${done} done, ${failed} failed, ${cancelled} cancelled;`,
    `slowest finished in ${slowest} ms; all over after ${fixed(elapsed, 3)} s of loop time`,
  );
});

export default defineScenario({
  name: "swarm",
  title: "A swarm of tasks: thousands of sleeps, failures and cancels on one loop",
  summary: "N seeded random tasks sleep, fail or get cancelled; one gather(return_exceptions=True) collects them all",
  explain:
    "Tasks are cheap: one event loop on one thread runs thousands of them, each switching only at its awaits, and the whole swarm takes as long as its slowest task, not the sum. gather(..., return_exceptions=True) waits for every one and hands back results, errors and CancelledErrors side by side. The same seed gives the same run, here and in the Python twin.",
  params: {
    tasks: { type: "integer", default: 1000, min: 1, max: 100000, description: "how many tasks to start" },
    seed: { type: "integer", default: 1, min: 0, max: 4294967295, description: "seed of the random draws" },
    fail_rate: { type: "number", default: 0.1, min: 0, max: 1, description: "chance that a task raises ValueError" },
    cancel_rate: {
      type: "number",
      default: 0.1,
      min: 0,
      max: 1,
      description: "chance that main cancels a task at a random time",
    },
  },
  main,
  hint(event) {
    if (event.type === "suspend" && event.awaiting.kind === "gather") {
      return "main waits for the whole swarm at once: one loop, one thread, many tasks";
    }
    return undefined;
  },
});
