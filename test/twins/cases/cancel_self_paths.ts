// A task that cancels itself keeps running until it really suspends: awaiting a
// finished future or an inline coroutine that does not suspend delivers nothing.
import {
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
} from "../../../src/index.js";

const noSuspend = coroutine(async function no_suspend() {
  return "inline value";
});

const selfish = coroutine(async function selfish() {
  const me = currentTask()!;
  const loop = getRunningLoop();
  const done = loop.createFuture<string>();
  done.setResult("ready");
  print("cancel self ->", me.cancel("self"));
  print("after cancel, still running; cancelling", me.cancelling());
  print("await done future ->", await done);
  print("await inline coroutine ->", await noSuspend());
  try {
    await sleep(0);
    print("not reached");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("sleep(0) raised", repr(e));
  }
  await sleep(0);
  print("second sleep ok, cancelling still", me.cancelling());
  return "selfish result";
});

const main = coroutine(async function main() {
  const t = createTask(selfish());
  print("selfish ->", await t, "cancelled?", t.cancelled());
});

export default () => run(main());
