// Catalogue 66: Ctrl-C cancels the main task; after its cleanup ends cancelled, run() raises KeyboardInterrupt (130).
import { CancelledError, coroutine, print, sleep } from "../../src/index.js";
import { drive, runInterrupted } from "./support/driver.js";

const main = coroutine(async function main() {
  try {
    print("main: working");
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: CancelledError, cleaning up");
    await sleep(0.1);
    print("main: cleanup done, re-raising");
    throw e;
  }
});

const child = async () => {
  try {
    await runInterrupted([0.05])(main()); // SIGINT once "main: working" is printed
  } finally {
    print("after asyncio.run (finally)");
  }
};

export default () => drive(child);
