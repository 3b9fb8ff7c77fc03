// wait() with a timeout: FIRST_EXCEPTION returns at the first failure or, if
// none comes, at the timeout; FIRST_COMPLETED with timeout=0 only polls; a
// cancelled task counts as completed but not as an exception. Nothing is cancelled.
import {
  coroutine,
  createTask,
  fixed,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  type Task,
  ValueError,
  wait,
} from "../../../src/index.js";

const job = coroutine(async function job(name: string, delay: number, fail = false) {
  await sleep(delay);
  if (fail) throw new ValueError(name);
  return name;
});

function names(tasks: Set<Task<string>>): string[] {
  return [...tasks].map((t) => t.getName()).sort();
}

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const mk = (name: string, delay: number, fail = false) => createTask(job(name, delay, fail), { name });

  let ts = [mk("ok1", 0.1), mk("bad", 0.2, true), mk("ok2", 0.5)];
  let [done, pending] = await wait(ts, { timeout: 1, returnWhen: "FIRST_EXCEPTION" });
  print(`failure first at ${fixed(loop.time(), 1)}:`, names(done), names(pending));

  ts = [mk("ok3", 0.1), mk("bad2", 2, true)];
  let start = loop.time();
  [done, pending] = await wait(ts, { timeout: 0.5, returnWhen: "FIRST_EXCEPTION" });
  print(`timeout after ${fixed(loop.time() - start, 1)}:`, names(done), names(pending));

  [done, pending] = await wait([...ts, mk("ok4", 1)], { timeout: 0, returnWhen: "FIRST_COMPLETED" });
  print("poll:", names(done), names(pending));

  const c = mk("victim", 5);
  loop.callLater(0.1, () => c.cancel());
  start = loop.time();
  [done, pending] = await wait([c, ts[1]!], { timeout: 3, returnWhen: "FIRST_EXCEPTION" });
  print(`after ${fixed(loop.time() - start, 1)}:`, names(done), names(pending), "victim cancelled:", c.cancelled());
  await sleep(3);
  print("bad2 still ran:", repr(ts[1]!.exception()));
});

export default () => run(main());
