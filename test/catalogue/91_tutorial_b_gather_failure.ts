// Catalogue 91: one failing coroutine in gather() does not stop the others; only run()'s shutdown cancels them.
import {
  CancelledError,
  coroutine,
  type EventLoop,
  fixed,
  gather,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  ValueError,
} from "../../src/index.js";

const cancelled: string[] = [];
let loop: EventLoop;
let t0: number;

const step = coroutine(async function step(name: string, d: number) {
  try {
    await sleep(d);
    print(`${name} completed at ${fixed(loop.time() - t0, 1)}`);
    return name;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    cancelled.push(`${name} at ${fixed(loop.time() - t0, 1)}`);
    throw e;
  }
});

const failing = coroutine(async function failing() {
  await sleep(0.1);
  throw new ValueError("failing coroutine");
});

const main = coroutine(async function main(wait_after: boolean) {
  loop = getRunningLoop();
  t0 = loop.time();
  try {
    await gather(step("A", 0.2), failing(), step("B", 0.3));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(`main caught ${repr(e)} at ${fixed(loop.time() - t0, 1)}`);
  }
  if (wait_after) await sleep(0.4);
  print("main returns");
});

export default async () => {
  print("-- main keeps running after the error:");
  await run(main(true));
  print("-- main returns right after the error:");
  await run(main(false));
  print("cancelled by asyncio.run shutdown:", [...cancelled].sort());
};
