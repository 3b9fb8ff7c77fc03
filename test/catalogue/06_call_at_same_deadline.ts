// Catalogue 06: call_at with an IDENTICAL deadline. CPython's heap gives no FIFO guarantee ([0, 2, 5, 1, 3, 4]);
// this runtime deliberately fires equal deadlines in creation order (documented difference), hence .expected-ts.
import { coroutine, getRunningLoop, print, run, sleep } from "../../src/index.js";

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const when = loop.time() + 0.05;
  const order: number[] = [];
  for (let i = 0; i < 6; i++) loop.callAt(when, (x: number) => order.push(x), i);
  await sleep(0.1);
  print("fired order:", order);
});

export default () => run(main());
