// as_completed: an error surfaces at the await of its turn, the loop can go
// on; after the timeout every remaining await raises TimeoutError, and the
// unfinished tasks keep running, uncancelled.
import {
  asCompleted,
  coroutine,
  createTask,
  fixed,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  TimeoutError,
  ValueError,
} from "../../../src/index.js";

const job = coroutine(async function job(name: string, delay: number, fail = false) {
  await sleep(delay);
  if (fail) throw new ValueError(name);
  return name;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const tasks = [
    createTask(job("slow", 1)),
    createTask(job("bad", 0.2, true)),
    createTask(job("fast", 0.1)),
    createTask(job("slower", 2)),
  ];
  let i = 0;
  for (const f of asCompleted(tasks, { timeout: 0.5 })) {
    try {
      print(i, "got", await f, `at ${fixed(loop.time(), 1)}`);
    } catch (e) {
      if (e instanceof ValueError) print(i, "error", repr(e), `at ${fixed(loop.time(), 1)}`);
      else if (e instanceof TimeoutError) print(i, `TimeoutError at ${fixed(loop.time(), 1)}`);
      else throw e;
    }
    i++;
  }
  print(
    "cancelled:",
    tasks.map((t) => t.cancelled()),
    "done:",
    tasks.map((t) => t.done()),
  );
  print("slower ->", await tasks[3]!, `at ${fixed(loop.time(), 1)}`);
});

export default () => run(main());
