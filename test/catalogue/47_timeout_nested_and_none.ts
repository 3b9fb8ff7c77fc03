// Catalogue 47: only the timeout whose deadline fired converts; timeout(null) never fires until reschedule().
import {
  CancelledError,
  coroutine,
  fixed,
  getRunningLoop,
  print,
  run,
  sleep,
  TimeoutError,
  timeout,
} from "../../src/index.js";

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  let t0 = loop.time();
  try {
    await timeout(0.1, async () => {
      // fires first
      try {
        await timeout(5, async () => {
          // does not fire
          await sleep(10);
        });
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        print("inner caught TimeoutError (not expected)");
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`outer timeout fired at ${fixed(loop.time() - t0, 1)}`);
  }
  t0 = loop.time();
  await timeout(null, async (cm) => {
    cm.reschedule(loop.time() + 0.2);
    try {
      await sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(`rescheduled deadline fired at ${fixed(loop.time() - t0, 1)}`);
      throw e;
    }
  });
});

export default async () => {
  try {
    await run(main());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("asyncio.run raised TimeoutError");
  }
};
