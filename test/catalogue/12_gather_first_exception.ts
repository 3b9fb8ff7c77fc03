// Catalogue 12: without returnExceptions the FIRST exception reaches the awaiter at once; other children keep running.
import {
  coroutine,
  createTask,
  type EventLoop,
  fixed,
  gather,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  ValueError,
} from "../../src/index.js";

let loop: EventLoop;
let t0: number;

const ok = coroutine(async function ok(name: string, d: number) {
  await sleep(d);
  print(`${name} finished at ${fixed(loop.time() - t0, 1)}`);
  return name;
});

const boom = coroutine(async function boom(d: number) {
  await sleep(d);
  throw new ValueError("boom");
});

const main = coroutine(async function main() {
  loop = getRunningLoop();
  t0 = loop.time();
  const a = createTask(ok("a", 0.3));
  try {
    await gather(a, boom(0.1), ok("b", 0.2));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(`main caught ${repr(e)} at ${fixed(loop.time() - t0, 1)}; a.done() = ${repr(a.done())}`);
  }
  await sleep(0.3);
  print("a.result() =", a.result());
});

export default () => run(main());
