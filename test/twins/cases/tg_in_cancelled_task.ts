// Cancelling a task that sits in `async with TaskGroup()`: the group cancels
// its children, waits for their cleanup, then re-raises CancelledError (not an
// ExceptionGroup) with the original message.
import {
  CancelledError,
  coroutine,
  createTask,
  fixed,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  taskGroup,
} from "../../../src/index.js";

const child = coroutine(async function child(name: string, cleanup: number) {
  const loop = getRunningLoop();
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(cleanup);
    print(`${name} cleaned up at ${fixed(loop.time(), 1)}`);
    throw e;
  }
});

const worker = coroutine(async function worker() {
  const loop = getRunningLoop();
  try {
    await taskGroup(async (tg) => {
      tg.createTask(child("a", 0.2));
      tg.createTask(child("b", 0.1));
      await sleep(5);
    });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`worker: ${repr(e)} at ${fixed(loop.time(), 1)}`);
    throw e;
  }
});

const main = coroutine(async function main() {
  const w = createTask(worker());
  await sleep(1);
  w.cancel("shutdown");
  try {
    await w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main:", repr(e), "cancelled?", w.cancelled());
  }
});

export default () => run(main());
