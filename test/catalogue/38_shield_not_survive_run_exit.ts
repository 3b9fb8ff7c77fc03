// Catalogue 38: a shielded coroutine still pending when main() returns is cancelled by run()'s shutdown.
import { CancelledError, coroutine, print, run, shield, sleep, TimeoutError, waitFor } from "../../src/index.js";

const flush = coroutine(async function flush() {
  try {
    await sleep(0.5);
    print("flush: done");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("flush: cancelled by asyncio.run shutdown");
    throw e;
  }
});

const main = coroutine(async function main() {
  try {
    await waitFor(shield(flush()), 0.1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("main: timed out waiting, flush keeps running in background; main returns");
  }
});

export default () => run(main());
