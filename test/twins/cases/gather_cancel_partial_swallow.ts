// g.cancel() on a gather whose children react differently: without
// return_exceptions the first child that ends cancelled fails the gather at
// once, while a child that swallows the cancel keeps running on its own.
import {
  CancelledError,
  coroutine,
  createTask,
  fixed,
  gather,
  getRunningLoop,
  print,
  run,
  sleep,
} from "../../../src/index.js";

const quitter = coroutine(async function quitter() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("quitter: re-raising");
    throw e;
  }
});

const stubborn = coroutine(async function stubborn() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("stubborn: ignoring cancel");
    await sleep(0.3);
    print("stubborn: finished cleanup");
    return "stubborn value";
  }
  return undefined;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const s = createTask(stubborn());
  const q = createTask(quitter());
  const g = gather(s, q);
  await sleep(0.1);
  print("g.cancel() ->", g.cancel());
  print("g.cancel() again ->", g.cancel());
  try {
    await g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`await g: CancelledError at ${fixed(loop.time(), 1)}, g.cancelled() ${g.cancelled() ? "True" : "False"}`);
  }
  print("stubborn done?", s.done());
  print("stubborn ->", await s, `at ${fixed(loop.time(), 1)}`);
});

export default () => run(main());
