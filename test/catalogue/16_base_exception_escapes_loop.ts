// Catalogue 16: KeyboardInterrupt raised inside a task escapes the loop at once (gather cannot collect it);
// run() cancels the remaining tasks (main included) and re-raises.
import { CancelledError, coroutine, gather, KeyboardInterrupt, print, run, sleep } from "../../src/index.js";

const interrupter = coroutine(async function interrupter() {
  await sleep(0.1);
  throw new KeyboardInterrupt();
});

const main = coroutine(async function main() {
  try {
    const res = await gather(interrupter(), sleep(1), { returnExceptions: true });
    print("gather returned", res);
  } catch (e) {
    if (e instanceof KeyboardInterrupt) {
      print("main caught KeyboardInterrupt");
    } else if (e instanceof CancelledError) {
      print("main: CancelledError (cancelled by asyncio.run cleanup)");
      throw e;
    } else {
      throw e;
    }
  }
});

export default async () => {
  try {
    await run(main());
  } catch (e) {
    if (!(e instanceof KeyboardInterrupt)) throw e;
    print("asyncio.run raised KeyboardInterrupt");
  }
};
