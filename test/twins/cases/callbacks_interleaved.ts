// call_soon / call_later / call_at callbacks interleaved with task steps:
// FIFO for ready callbacks, cancelled handles never run, a callback can
// schedule callbacks and create tasks, and an error in one goes to the handler.
import {
  coroutine,
  createTask,
  type EventLoop,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  ZeroDivisionError,
} from "../../../src/index.js";

function note(msg: string): void {
  print("cb", msg);
}

function spawner(loop: EventLoop): void {
  print("cb spawner");
  loop.callSoon(note, "from spawner");
  createTask(worker("spawned"));
}

function broken(): void {
  throw new ZeroDivisionError("in callback");
}

const worker = coroutine(async function worker(name: string) {
  print("task", name, "step 1");
  await sleep(0);
  print("task", name, "step 2");
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  loop.setExceptionHandler((_loop, ctx) => print("handler:", repr(ctx.exception)));
  loop.callSoon(note, "soon 1");
  const t = createTask(worker("a"));
  const h = loop.callSoon(note, "cancelled soon");
  loop.callSoon(spawner, loop);
  loop.callSoon(broken);
  loop.callSoon(note, "soon 2");
  h.cancel();
  const late = loop.callLater(0.2, note, "cancelled later");
  loop.callAt(loop.time() + 0.1, note, "call_at 0.1");
  loop.callLater(0.1, note, "call_later 0.1");
  loop.callLater(0.1, () => late.cancel());
  print("cancelled flags:", h.cancelled(), late.cancelled());
  await sleep(0);
  print("main after one iteration");
  await sleep(0.3);
  print("late cancelled:", late.cancelled());
  await t;
});

export default () => run(main());
