// Catalogue 40: if the inner coroutine swallows waitFor's cancel and returns, waitFor returns that value.
import {
  CancelledError,
  coroutine,
  fixed,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  TimeoutError,
  waitFor,
} from "../../src/index.js";

const stubborn = coroutine(async function stubborn() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("stubborn: swallowing cancel, working 0.2 more");
    await sleep(0.2);
  }
  return "late value";
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  try {
    const r = await waitFor(stubborn(), 0.1);
    print(`wait_for returned ${repr(r)} at ${fixed(loop.time() - t0, 1)}`);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`TimeoutError at ${fixed(loop.time() - t0, 1)}`);
  }
});

export default () => run(main());
