// Ctrl-C while main awaits a gather: main is cancelled, the cancel runs down to
// the children (each cleans up), main re-raises, and asyncio.run raises
// KeyboardInterrupt: exit status 130.
import {
  CancelledError,
  coroutine,
  currentTask,
  fixed,
  gather,
  getRunningLoop,
  KeyboardInterrupt,
  print,
  Runner,
  sleep,
} from "../../../src/index.js";

const child = coroutine(async function child(name: string, cleanup: number) {
  const loop = getRunningLoop();
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(cleanup);
    print(`${name}: cleaned up at ${fixed(loop.time(), 1)}`);
    throw e;
  }
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  try {
    await gather(child("a", 0.1), child("b", 0));
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`main: cancelled at ${fixed(loop.time(), 1)}, cancelling ${currentTask()!.cancelling()}`);
    await sleep(0.2);
    print(`main: re-raising at ${fixed(loop.time(), 1)}`);
    throw e;
  }
});

export default async () => {
  const r = new Runner();
  r.loop.callLater(0.5, () => r.interrupt()); // Ctrl-C at 0.5
  try {
    try {
      await r.run(main());
    } finally {
      await r.close();
    }
  } catch (e) {
    if (!(e instanceof KeyboardInterrupt)) throw e;
    print("asyncio.run raised KeyboardInterrupt");
    throw e;
  } finally {
    print("after asyncio.run");
  }
};
