// main raising KeyboardInterrupt itself: it leaves the loop at once, leftover
// tasks are then cancelled and cleaned up, and the process exits with 130.
import { CancelledError, coroutine, createTask, KeyboardInterrupt, print, run, sleep } from "../../../src/index.js";

const helper = coroutine(async function helper() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(0.1);
    print("helper: cleaned up");
    throw e;
  }
});

const main = coroutine(async function main() {
  createTask(helper());
  await sleep(0.5);
  print("main raising KeyboardInterrupt");
  throw new KeyboardInterrupt();
});

export default async () => {
  try {
    await run(main());
  } catch (e) {
    if (!(e instanceof KeyboardInterrupt)) throw e;
    print("run raised KeyboardInterrupt");
    throw e;
  }
};
