// Catalogue 46: a timeout block that swallows the CancelledError ends normally (no TimeoutError), expired() true.
import {
  CancelledError,
  coroutine,
  fixed,
  getRunningLoop,
  print,
  run,
  sleep,
  str,
  type Timeout,
  timeout,
} from "../../src/index.js";

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  let cm!: Timeout; // `as cm` stays visible after the block, as in Python
  await timeout(0.1, async (entered) => {
    cm = entered;
    try {
      await sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("swallowed inside the block");
    }
  });
  print(`after block at ${fixed(loop.time() - t0, 1)}, no exception; expired() = ${str(cm.expired())}`);
});

export default () => run(main());
