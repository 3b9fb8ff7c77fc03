// shield() and a failing inner: the error reaches the awaiter; after the
// awaiter was cancelled, the inner still fails on its own and its error stays
// on the inner task.
import {
  type Awaitable,
  CancelledError,
  coroutine,
  createTask,
  print,
  repr,
  run,
  shield,
  sleep,
  ValueError,
} from "../../../src/index.js";

const failAfter = coroutine(async function fail_after(delay: number, msg: string) {
  await sleep(delay);
  print("inner raising", msg);
  throw new ValueError(msg);
});

const waiter = coroutine(async function waiter(aw: Awaitable<unknown>) {
  try {
    await shield(aw);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("waiter cancelled");
    throw e;
  }
});

const main = coroutine(async function main() {
  try {
    await shield(failAfter(0.1, "direct"));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("awaiter got", repr(e));
  }
  const inner = createTask(failAfter(0.3, "orphan"));
  const w = createTask(waiter(inner));
  await sleep(0.1);
  w.cancel();
  await sleep(0);
  print("w cancelled?", w.cancelled(), "inner done?", inner.done());
  await sleep(0.5);
  print("inner exception:", repr(inner.exception()));
});

export default () => run(main());
