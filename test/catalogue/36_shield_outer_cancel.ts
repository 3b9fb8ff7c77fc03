// Catalogue 36: shield(): cancelling the awaiter raises CancelledError in it at once; the shielded task keeps running.
import {
  CancelledError,
  coroutine,
  createTask,
  type EventLoop,
  fixed,
  getRunningLoop,
  print,
  run,
  shield,
  sleep,
  type Task,
} from "../../src/index.js";

let loop: EventLoop;
let t0: number;

const important = coroutine(async function important() {
  await sleep(0.3);
  print(`important: finished at ${fixed(loop.time() - t0, 1)}`);
  return "saved";
});

const caller = coroutine(async function caller(t: Task<string>) {
  try {
    return await shield(t);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`caller: CancelledError at ${fixed(loop.time() - t0, 1)}`);
    throw e;
  }
});

const main = coroutine(async function main() {
  loop = getRunningLoop();
  t0 = loop.time();
  const t = createTask(important());
  const c = createTask(caller(t));
  await sleep(0.1);
  c.cancel();
  print("result via the task itself:", await t, "| caller cancelled:", c.cancelled());
});

export default () => run(main());
