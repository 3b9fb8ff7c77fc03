// A TaskGroup aborting after a child fails: one sibling's cleanup raises (that
// error joins the group), another swallows the cancel and returns (no error),
// and the group waits for the slowest cleanup before raising.
import {
  CancelledError,
  coroutine,
  ExceptionGroup,
  fixed,
  getRunningLoop,
  print,
  RuntimeError,
  repr,
  run,
  sleep,
  type Task,
  taskGroup,
  ValueError,
} from "../../../src/index.js";

const failer = coroutine(async function failer() {
  await sleep(0.1);
  throw new ValueError("first failure");
});

const badCleanup = coroutine(async function bad_cleanup() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(0.2);
    print("bad_cleanup: raising during cleanup");
    throw new RuntimeError("cleanup failed");
  }
});

const swallower = coroutine(async function swallower() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(0.4);
    print("swallower: returning normally");
    return "swallowed";
  }
  return undefined;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  let s: Task<string | undefined> | undefined;
  try {
    await taskGroup(async (tg) => {
      tg.createTask(failer());
      tg.createTask(badCleanup());
      s = tg.createTask(swallower());
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    print(`group raised at ${fixed(loop.time(), 1)}:`, eg);
    for (const e of eg.exceptions) print(" ", repr(e));
  }
  print("swallower result:", s!.result());
});

export default () => run(main());
