// Catalogue 60: wait(timeout) just returns [done, pending] (no error, nothing cancelled); it refuses coroutines and [].
import {
  coroutine,
  createTask,
  fixed,
  getRunningLoop,
  print,
  run,
  sleep,
  type Task,
  ValueError,
  wait,
} from "../../src/index.js";

const job = coroutine(async function job(d: number) {
  await sleep(d);
  return d;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const ts = [0.1, 0.5].map((d) => createTask(job(d)));
  const [done, pending] = await wait(ts, { timeout: 0.2 });
  print(
    `at ${fixed(loop.time() - t0, 1)}: ${done.size} done, ${pending.size} pending, pending cancelled:`,
    [...pending].map((t) => t.cancelled()),
  );
  const coro = job(1);
  for (const bad of [[coro], []] as unknown as Task<number>[][]) {
    // Python lets the wrong argument through
    try {
      await wait(bad);
    } catch (e) {
      if (!(e instanceof TypeError || e instanceof ValueError)) throw e;
      print(e.constructor.name, e);
    }
  }
  coro.close();
  for (const t of pending) t.cancel();
});

export default () => run(main());
