// Cancelling the top of a task chain (top awaits middle awaits leaf) forwards
// the cancel, message included, down to the leaf; if the leaf swallows it,
// every level resumes normally but keeps cancelling() == 1.
import {
  CancelledError,
  type Coroutine,
  coroutine,
  createTask,
  currentTask,
  print,
  repr,
  run,
  sleep,
} from "../../../src/index.js";

const leaf = coroutine(async function leaf(swallow: boolean) {
  try {
    await sleep(10);
    return "leaf slept";
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    const me = currentTask()!;
    print("leaf got", repr(e), "cancelling", me.cancelling());
    if (!swallow) throw e;
    return "leaf swallowed";
  }
});

const level = coroutine(async function level(name: string, inner: Coroutine<string>): Promise<string> {
  const me = currentTask()!;
  try {
    const v = await createTask(inner);
    print(name, "got", repr(v), "cancelling", me.cancelling());
    return `${name}(${v})`;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(name, "got", repr(e), "cancelling", me.cancelling());
    throw e;
  }
});

const main = coroutine(async function main() {
  for (const swallow of [false, true]) {
    print("--- leaf swallows:", swallow);
    const top = createTask(level("top", level("middle", leaf(swallow))));
    await sleep(1);
    print("cancel top:", top.cancel("stop"));
    try {
      print("top ->", await top);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("main got", repr(e), "top cancelled:", top.cancelled());
    }
  }
});

export default () => run(main());
