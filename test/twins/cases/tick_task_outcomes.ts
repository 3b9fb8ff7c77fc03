// A ticker prints once per loop iteration beside tasks that finish, get cancelled
// and fail: the iteration at which each outcome reaches the task awaiting it.
import { CancelledError, coroutine, createTask, print, repr, run, sleep, ValueError } from "../../../src/index.js";

const ticker = coroutine(async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    print("tick", i);
    await sleep(0);
  }
});

const finisher = coroutine(async function finisher() {
  print("finisher start");
  await sleep(0);
  print("finisher end");
  return "ok";
});

const sleeper = coroutine(async function sleeper() {
  try {
    print("sleeper start");
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("sleeper cancelled");
    throw e;
  }
});

const failer = coroutine(async function failer() {
  print("failer start");
  await sleep(0);
  await sleep(0);
  print("failer raises");
  throw new ValueError("bad");
});

const main = coroutine(async function main() {
  const t = createTask(ticker(10));
  const a = createTask(finisher());
  const b = createTask(sleeper());
  const c = createTask(failer());
  print("main awaits finisher");
  print("finisher ->", await a);
  print("main cancels sleeper:", b.cancel());
  try {
    await b;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("main saw sleeper cancelled:", b.cancelled());
  }
  try {
    await c;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main saw failer:", repr(e));
  }
  await t;
  print("main done");
});

export default () => run(main());
