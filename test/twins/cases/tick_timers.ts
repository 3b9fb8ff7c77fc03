// While a ticker keeps the ready queue busy the loop never waits, so the
// clock stands still: call_later(0) runs next iteration, timers > 0 only after.
import { coroutine, createTask, fixed, getRunningLoop, print, run, sleep } from "../../../src/index.js";

const ticker = coroutine(async function ticker(n: number) {
  const loop = getRunningLoop();
  for (let i = 0; i < n; i++) {
    print("tick", i, fixed(loop.time(), 1));
    await sleep(0);
  }
});

const napper = coroutine(async function napper() {
  const loop = getRunningLoop();
  print("napper sleeps 0.5");
  await sleep(0.5);
  print(`napper woke at ${fixed(loop.time(), 1)}`);
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t = createTask(ticker(4));
  loop.callLater(0, print, "call_later(0)");
  loop.callSoon(print, "call_soon");
  loop.callLater(0.5, print, "call_later(0.5)");
  const s = createTask(napper());
  await sleep(0);
  print("main after sleep(0)");
  await sleep(-1);
  print("main after sleep(-1)");
  await sleep(0.5);
  print(`main after sleep(0.5) at ${fixed(loop.time(), 1)}`);
  await t;
  await s;
});

export default () => run(main());
