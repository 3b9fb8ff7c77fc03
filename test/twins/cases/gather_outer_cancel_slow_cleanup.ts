// Cancelling a task that awaits gather() cancels every child. Without
// return_exceptions the task resumes as soon as the first child ends cancelled
// (the others clean up unobserved); with it, only after the slowest cleanup.
import {
  CancelledError,
  coroutine,
  createTask,
  fixed,
  gather,
  getRunningLoop,
  print,
  run,
  sleep,
} from "../../../src/index.js";

const child = coroutine(async function child(name: string, cleanup: number) {
  const loop = getRunningLoop();
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(cleanup);
    print(`${name}: cleanup done at ${fixed(loop.time(), 1)}`);
    throw e;
  }
});

const parent = coroutine(async function parent(returnExceptions: boolean) {
  const loop = getRunningLoop();
  try {
    await gather(child("fast", 0.1), child("slow", 0.5), child("instant", 0), { returnExceptions });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`parent: CancelledError at ${fixed(loop.time(), 1)}`);
    throw e;
  }
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  for (const returnExceptions of [false, true]) {
    print("--- return_exceptions:", returnExceptions);
    const start = loop.time();
    const p = createTask(parent(returnExceptions));
    await sleep(1);
    p.cancel();
    try {
      await p;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(`main: parent cancelled after ${fixed(loop.time() - start, 1)}`);
    }
    await sleep(1);
  }
});

export default () => run(main());
