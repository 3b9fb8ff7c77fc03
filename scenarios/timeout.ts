/**
 * Timeouts: wait_for(slow_operation(), limit) and `async with timeout(limit)`.
 * On expiry the operation is cancelled, and TimeoutError is raised only after
 * its cleanup has finished; cm.expired() tells whether the deadline fired.
 */
import {
  CancelledError,
  coroutine,
  defineScenario,
  fixed,
  getRunningLoop,
  print,
  repr,
  sleep,
  type Timeout,
  TimeoutError,
  timeout,
  waitFor,
} from "async-demo";

const slow_operation = coroutine(async function slow_operation() {
  try {
    await sleep(2);
    return "finished";
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("slow_operation: cancelled, cleaning up");
    await sleep(0.5);
    print("slow_operation: cleanup done");
    throw e;
  }
});

const main = coroutine(async function main({ limit }: { limit: number }) {
  const loop = getRunningLoop();
  let start = loop.time();
  try {
    const result = await waitFor(slow_operation(), limit);
    print("wait_for returned", repr(result));
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`wait_for: TimeoutError after ${fixed(loop.time() - start, 1)} s`);
  }

  start = loop.time();
  let cm!: Timeout; // `async with asyncio.timeout(limit) as cm`: cm outlives the block
  try {
    await timeout(limit, async (timeout_cm) => {
      cm = timeout_cm;
      const result = await slow_operation();
      print("slow_operation returned", repr(result));
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(`timeout: TimeoutError after ${fixed(loop.time() - start, 1)} s`);
  }
  print("cm.expired():", cm.expired());
});

export default defineScenario({
  name: "timeout",
  title: "wait_for() and timeout(): cancel, wait for the cleanup, then TimeoutError",
  summary:
    "slow_operation takes 2 s against a 1 s limit: it is cancelled, cleans up, and only then TimeoutError is raised",
  explain:
    "When the deadline passes, wait_for and `async with asyncio.timeout()` cancel the operation and then wait for it to finish its cleanup; only then is TimeoutError raised, so here it arrives 0.5 s after the limit. Inside, the operation sees a plain CancelledError, and it must let it through for the timeout to work. cm.expired() tells you afterwards whether the deadline fired (try --set limit=2.5).",
  params: {
    limit: {
      type: "number",
      default: 1,
      min: 0,
      max: 60,
      description: "seconds allowed to slow_operation (it needs 2)",
    },
  },
  main,
  hint(event) {
    if (event.type === "cancel-requested" && event.cause === "timeout") {
      return "the deadline passed: the timeout cancels main's task, where slow_operation runs; TimeoutError waits for its cleanup";
    }
    if (event.type === "print" && event.text.includes("TimeoutError after")) {
      return "the CancelledError came out of the block and was turned into TimeoutError";
    }
    return undefined;
  },
});
