// When main returns, asyncio.run cancels the tasks still running and waits for
// their cleanup: one swallows the cancel, one cleans up slowly, one fails while
// cleaning up (reported on stderr), one is already done; then run returns main's value.
import {
  CancelledError,
  coroutine,
  createTask,
  fixed,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  ValueError,
} from "../../../src/index.js";

const swallower = coroutine(async function swallower() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(0.1);
    print("swallower: ignored the shutdown cancel");
    return "ignored";
  }
  return undefined;
});

const slowCleanup = coroutine(async function slow_cleanup() {
  const loop = getRunningLoop();
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(0.3);
    print(`slow_cleanup: done at ${fixed(loop.time(), 1)}`);
    throw e;
  }
});

const failingCleanup = coroutine(async function failing_cleanup() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(0.2);
    print("failing_cleanup: raising");
    throw new ValueError("cleanup broke");
  }
});

const quick = coroutine(async function quick() {
  return "quick";
});

const main = coroutine(async function main() {
  for (const c of [swallower(), slowCleanup(), failingCleanup(), quick()]) createTask<unknown>(c);
  await sleep(1);
  print("main returns");
  return "main value";
});

export default async () => {
  print("run returned", repr(await run(main())));
  print("after run");
};
