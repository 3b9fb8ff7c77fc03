// Catalogue 59: wait(FIRST_EXCEPTION) returns when a task raises (a cancelled one does not count); wait never raises.
import {
  coroutine,
  createTask,
  fixed,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  ValueError,
  wait,
} from "../../src/index.js";

const job = coroutine(async function job(d: number, exc: Error | null = null) {
  await sleep(d);
  if (exc) throw exc;
  return d;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const a = createTask(job(0.1), { name: "a" });
  const b = createTask(job(10), { name: "b" });
  const c = createTask(job(0.3, new ValueError("c failed")), { name: "c" });
  const d = createTask(job(10), { name: "d" });
  loop.callLater(0.2, () => b.cancel());
  const [done, pending] = await wait([a, b, c, d], { returnWhen: "FIRST_EXCEPTION" });
  print(
    `returned at ${fixed(loop.time() - t0, 1)}; done=${repr([...done].map((t) => t.getName()).sort())}`,
    `pending=${repr([...pending].map((t) => t.getName()).sort())}`,
  );
  print("c.exception():", repr(c.exception()));
  d.cancel();
});

export default () => run(main());
