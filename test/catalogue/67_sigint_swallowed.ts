// Catalogue 67: main catches the Ctrl-C cancellation and returns: run() returns its value, exit status 0.
import { CancelledError, coroutine, print, repr, sleep } from "../../src/index.js";
import { drive, runInterrupted } from "./support/driver.js";

const main = coroutine(async function main() {
  try {
    print("main: working");
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main: CancelledError, cleaning up");
    await sleep(0.1);
    print("main: cleanup done, NOT re-raising");
    return "normal return";
  }
});

const child = async () => {
  try {
    print("asyncio.run returned", repr(await runInterrupted([0.05])(main()))); // SIGINT once "main: working" is printed
  } finally {
    print("after asyncio.run (finally)");
  }
};

export default () => drive(child);
