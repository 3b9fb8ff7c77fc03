// Catalogue 39: on timeout waitFor cancels the inner coroutine, waits for its cleanup, then raises TimeoutError.
import {
  CancelledError,
  coroutine,
  type EventLoop,
  fixed,
  getRunningLoop,
  print,
  run,
  sleep,
  TimeoutError,
  waitFor,
} from "../../src/index.js";

let loop: EventLoop;
let t0: number;

const work = coroutine(async function work() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`work: cancelled at ${fixed(loop.time() - t0, 1)}, cleaning up`);
    await sleep(0.2);
    print(`work: cleanup done at ${fixed(loop.time() - t0, 1)}`);
    throw e;
  }
});

const main = coroutine(async function main() {
  loop = getRunningLoop();
  t0 = loop.time();
  try {
    await waitFor(work(), 0.1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    // asyncio.TimeoutError and the builtin are one class; here there is a single TimeoutError.
    print(
      `main: ${e.constructor.name} at ${fixed(loop.time() - t0, 1)};`,
      "asyncio.TimeoutError is TimeoutError:",
      true,
      "| __cause__:",
      e.cause === undefined ? "NoneType" : (e.cause as Error).constructor.name,
    );
  }
});

export default () => run(main());
