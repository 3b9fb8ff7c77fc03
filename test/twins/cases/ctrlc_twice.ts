// Two Ctrl-C: the first cancels main, whose cleanup is slow; the second
// raises KeyboardInterrupt out of the loop at once, then asyncio.run cancels
// main again (its cleanup is interrupted) and a worker still cleans up: status 130.
import {
  CancelledError,
  coroutine,
  createTask,
  fixed,
  getRunningLoop,
  KeyboardInterrupt,
  print,
  Runner,
  sleep,
} from "../../../src/index.js";

const worker = coroutine(async function worker() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(0.1);
    print("worker: cleaned up at shutdown");
    throw e;
  }
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  createTask(worker());
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`main: first Ctrl-C at ${fixed(loop.time(), 1)}, slow cleanup`);
    try {
      await sleep(5);
      print("main: cleanup finished");
    } catch (e2) {
      if (!(e2 instanceof CancelledError)) throw e2;
      print(`main: cleanup interrupted at ${fixed(loop.time(), 1)}`);
      throw e2;
    }
    throw e;
  }
});

export default async () => {
  const r = new Runner();
  r.loop.callLater(0.5, () => r.interrupt()); // first Ctrl-C
  r.loop.callLater(1.0, () => r.interrupt()); // second Ctrl-C
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
  }
};
