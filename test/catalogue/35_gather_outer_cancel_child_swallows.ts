// Catalogue 35: parent awaiting gather is cancelled while one child swallows the cancel: without returnExceptions
// the parent ends cancelled when the FIRST child ends cancelled; with it, only after ALL children finished.
import {
  CancelledError,
  coroutine,
  createTask,
  type EventLoop,
  fixed,
  gather,
  getRunningLoop,
  print,
  run,
  sleep,
  str,
} from "../../src/index.js";

let loop: EventLoop;
let t0: number;

const polite = coroutine(async function polite() {
  await sleep(10);
});

const slow_cleanup = coroutine(async function slow_cleanup(tag: string) {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(0.3);
    print(`${tag}: slow_cleanup done at ${fixed(loop.time() - t0, 1)}`);
    return "cleaned";
  }
  return undefined;
});

const parent = coroutine(async function parent(rex: boolean) {
  await gather(polite(), slow_cleanup(`rex=${str(rex)}`), { returnExceptions: rex });
});

const main = coroutine(async function main() {
  loop = getRunningLoop();
  for (const rex of [false, true]) {
    t0 = loop.time();
    const p = createTask(parent(rex));
    await sleep(0.1);
    p.cancel();
    try {
      await p;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(`rex=${str(rex)}: parent ended cancelled at ${fixed(loop.time() - t0, 1)}`);
    }
    await sleep(0.5);
  }
});

export default () => run(main());
