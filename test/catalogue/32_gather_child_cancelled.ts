// Catalogue 32: one child cancelled directly (no returnExceptions): the awaiter gets CancelledError at once, but the
// gather future is not cancelled, the awaiting task is not cancelled, and the sibling keeps running.
import {
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  fixed,
  gather,
  getRunningLoop,
  print,
  run,
  sleep,
  str,
} from "../../src/index.js";

const child = coroutine(async function child(name: string, d: number) {
  await sleep(d);
  print(`${name} finished`);
  return name;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const a = createTask(child("a", 10));
  const b = createTask(child("b", 0.2));
  const g = gather(a, b);
  loop.callLater(0.1, (msg: string) => a.cancel(msg), "only a");
  try {
    await g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`main: CancelledError ${str(e.args)} at ${fixed(loop.time() - t0, 1)}`);
  }
  print(
    "g.done():",
    g.done(),
    "g.cancelled():",
    g.cancelled(),
    "type(g.exception()):",
    (g.exception() as Error).constructor.name,
  );
  print("main cancelling():", currentTask()!.cancelling());
  await sleep(0.2);
  print("b.result():", b.result());
});

export default () => run(main());
