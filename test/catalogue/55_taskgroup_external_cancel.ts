// Catalogue 55: cancelling the task running a taskGroup cancels its tasks; plain CancelledError propagates.
import { CancelledError, coroutine, createTask, print, run, sleep, taskGroup } from "../../src/index.js";

const cancelled: string[] = [];

const child = coroutine(async function child(name: string) {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    cancelled.push(name);
    throw e;
  }
});

const runner = coroutine(async function runner() {
  try {
    await taskGroup(async (tg) => {
      tg.createTask(child("c1"));
      tg.createTask(child("c2"));
    });
  } catch (e) {
    print("runner sees", (e as Error).constructor.name, "| children cancelled:", [...cancelled].sort());
    throw e;
  }
});

const main = coroutine(async function main() {
  const r = createTask(runner());
  await sleep(0.1);
  r.cancel();
  await sleep(0.01);
  print("runner cancelled():", r.cancelled());
});

export default () => run(main());
