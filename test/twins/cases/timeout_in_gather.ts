// A timeout that fires while its task awaits gather(): gather cancels all
// children (they clean up), the finished child's value is lost, and the block
// raises TimeoutError, with or without return_exceptions.
import {
  CancelledError,
  coroutine,
  fixed,
  gather,
  getRunningLoop,
  print,
  run,
  sleep,
  TimeoutError,
  timeout,
} from "../../../src/index.js";

const child = coroutine(async function child(name: string, delay: number) {
  try {
    await sleep(delay);
    print(name, "finished");
    return name;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(name, "cancelled");
    throw e;
  }
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  for (const returnExceptions of [false, true]) {
    const start = loop.time();
    try {
      await timeout(0.3, async () => {
        const r = await gather(child("quick", 0.1), child("slow", 1), child("slower", 2), { returnExceptions });
        print("gather ->", r);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print(
        `return_exceptions=${returnExceptions ? "True" : "False"}: TimeoutError after ${fixed(loop.time() - start, 1)}`,
      );
    }
  }
});

export default () => run(main());
