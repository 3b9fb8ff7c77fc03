// wait_for(shield(task)) times out without stopping the task, which finishes
// later and can still be awaited; a shielded coroutine that is fast enough
// just returns its value.
import {
  coroutine,
  createTask,
  fixed,
  getRunningLoop,
  print,
  run,
  shield,
  sleep,
  TimeoutError,
  waitFor,
} from "../../../src/index.js";

const work = coroutine(async function work(name: string, delay: number) {
  const loop = getRunningLoop();
  await sleep(delay);
  print(`${name} finished at ${fixed(loop.time(), 1)}`);
  return name;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t = createTask(work("slow", 0.5));
  try {
    await waitFor(shield(t), 0.2);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`wait_for timed out at ${fixed(loop.time(), 1)}; slow cancelled? ${t.cancelled() ? "True" : "False"}`);
  }
  print("slow ->", await t);
  print("fast ->", await waitFor(shield(work("fast", 0.1)), 0.2));
  try {
    await waitFor(t, 0);
    print("wait_for(done task, 0) returns at once:", t.result());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("wait_for(done task, 0) timed out");
  }
});

export default () => run(main());
