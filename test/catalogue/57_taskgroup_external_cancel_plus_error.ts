// Catalogue 57: outside cancel plus a child error: the ExceptionGroup wins and 3.13 re-delivers the cancel.
import {
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  ExceptionGroup,
  print,
  repr,
  run,
  sleep,
  taskGroup,
  ValueError,
} from "../../src/index.js";

const bad_cleanup = coroutine(async function bad_cleanup() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    throw new ValueError("cleanup failed");
  }
});

const runner = coroutine(async function runner() {
  try {
    await taskGroup(async (tg) => {
      tg.createTask(bad_cleanup());
      await sleep(10);
    });
  } catch (e) {
    const eg = e instanceof ExceptionGroup ? e.subgroup(ValueError) : undefined;
    if (eg === undefined) throw e;
    print("runner: caught", repr(eg), "| cancelling() =", currentTask()?.cancelling());
  }
  try {
    await sleep(0.1);
    print("runner: continued normally (external cancel lost)");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("runner: external cancel re-delivered at next await");
    throw e;
  }
});

const main = coroutine(async function main() {
  const r = createTask(runner());
  await sleep(0.1);
  r.cancel();
  await sleep(0.3);
  print("runner cancelled():", r.cancelled());
});

export default () => run(main());
