// Catalogue 18: with returnExceptions a directly-cancelled child shows up as a CancelledError instance in the list.
import { coroutine, createTask, gather, getRunningLoop, print, run, sleep } from "../../src/index.js";

const child = coroutine(async function child(name: string, d: number) {
  await sleep(d);
  return name;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const a = createTask(child("a", 10));
  const b = createTask(child("b", 10));
  const c = createTask(child("c", 0.2));
  loop.callLater(0.1, (msg: string) => a.cancel(msg), "only a");
  loop.callLater(0.1, () => b.cancel());
  const res = await gather(a, b, c, { returnExceptions: true });
  print(res);
});

export default () => run(main());
