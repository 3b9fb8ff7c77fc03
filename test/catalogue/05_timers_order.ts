// Catalogue 05: timers fire by deadline; equal sleeps started in order wake in order.
import { coroutine, fixed, gather, getRunningLoop, print, run, sleep } from "../../src/index.js";

const sleeper = coroutine(async function sleeper(name: string, d: number) {
  await sleep(d);
  print(name, "woke");
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  await gather(sleeper("A 0.2", 0.2), sleeper("B 0.1", 0.1), sleeper("C 0.1", 0.1), sleeper("D 0.1", 0.1));
  print(`elapsed ${fixed(loop.time() - t0, 1)}`);
});

export default () => run(main());
