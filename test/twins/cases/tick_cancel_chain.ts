// A ticker shows cancel() reaching the bottom of a task chain (top awaits
// middle awaits leaf) at once, the leaf resuming next iteration, and the
// outcome climbing back up one iteration per level.
import { CancelledError, type Coroutine, coroutine, createTask, print, run, sleep } from "../../../src/index.js";

const ticker = coroutine(async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    print("tick", i);
    await sleep(0);
  }
});

const leaf = coroutine(async function leaf() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("leaf cancelled");
    throw e;
  }
});

const level = coroutine(async function level(name: string, inner: Coroutine<void>) {
  try {
    await createTask(inner);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(name, "cancelled");
    throw e;
  }
});

const main = coroutine(async function main() {
  const top = createTask(level("top", level("middle", leaf())));
  await sleep(0.1);
  const t = createTask(ticker(8));
  await sleep(0);
  print("main cancels top");
  top.cancel();
  try {
    await top;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main sees top cancelled");
  }
  await t;
});

export default () => run(main());
