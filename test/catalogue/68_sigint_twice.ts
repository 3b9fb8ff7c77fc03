// Catalogue 68: a second Ctrl-C during the cleanup raises KeyboardInterrupt at once; the cleanup is cancelled.
import { CancelledError, coroutine, KeyboardInterrupt, print, sleep } from "../../src/index.js";
import { drive, runInterrupted } from "./support/driver.js";

const main = coroutine(async function main() {
  try {
    print("main: working");
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: first Ctrl-C -> CancelledError, slow cleanup");
    try {
      await sleep(5);
      print("main: cleanup finished");
    } catch (e2) {
      if (!(e2 instanceof CancelledError)) throw e2;
      print("main: cleanup interrupted by CancelledError");
      throw e2;
    }
    throw e;
  }
});

const child = async () => {
  try {
    await runInterrupted([0.05, 0.1])(main()); // the second SIGINT arrives during sleep(5)
  } catch (e) {
    if (!(e instanceof KeyboardInterrupt)) throw e;
    print("asyncio.run raised KeyboardInterrupt");
    throw e;
  }
};

export default () => drive(child);
