// Catalogue 51: the first failing task cancels its siblings and the body; then an ExceptionGroup is raised.
import {
  CancelledError,
  coroutine,
  currentTask,
  ExceptionGroup,
  fixed,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  taskGroup,
  ValueError,
} from "../../src/index.js";

const cancelled: string[] = [];

const fail = coroutine(async function fail(d: number) {
  await sleep(d);
  throw new ValueError("boom");
});

const sibling = coroutine(async function sibling(name: string) {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    cancelled.push(name);
    throw e;
  }
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  try {
    await taskGroup(async (tg) => {
      tg.createTask(sibling("s1"));
      tg.createTask(fail(0.1));
      tg.createTask(sibling("s2"));
      try {
        await sleep(10);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print("body: cancelled by the group (at its await)");
        throw e;
      }
    });
  } catch (e) {
    const eg = e instanceof ExceptionGroup ? e.subgroup(ValueError) : undefined;
    if (eg === undefined) throw e;
    print(`except* ValueError at ${fixed(loop.time() - t0, 1)}: ${repr(eg)}`);
  }
  print("siblings cancelled:", [...cancelled].sort());
  print("main: cancelling() =", currentTask()?.cancelling());
});

export default () => run(main());
