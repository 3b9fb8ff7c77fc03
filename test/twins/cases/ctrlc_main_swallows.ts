// Ctrl-C while main sleeps inside a timeout block: main swallows the
// CancelledError (it is not turned into TimeoutError) and returns a value,
// asyncio.run returns it and the exit status is 0; a leftover task is still cancelled.
import {
  CancelledError,
  coroutine,
  createTask,
  fixed,
  getRunningLoop,
  print,
  Runner,
  repr,
  sleep,
  TimeoutError,
  timeout,
} from "../../../src/index.js";

const background = coroutine(async function background() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("background: cancelled at shutdown");
    throw e;
  }
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  createTask(background());
  try {
    await timeout(2, async () => {
      await sleep(10);
    });
  } catch (e) {
    if (e instanceof CancelledError) print(`main: Ctrl-C at ${fixed(loop.time(), 1)}, swallowing`);
    else if (e instanceof TimeoutError) print("main: timeout");
    else throw e;
  }
  await sleep(0.1);
  print(`main: still running at ${fixed(loop.time(), 1)}`);
  return "survived";
});

export default async () => {
  const r = new Runner();
  r.loop.callLater(0.5, () => r.interrupt()); // Ctrl-C at 0.5
  let value: string;
  try {
    value = await r.run(main());
  } finally {
    await r.close();
  }
  print("asyncio.run returned", repr(value));
};
