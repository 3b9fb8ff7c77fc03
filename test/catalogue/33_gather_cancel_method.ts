// Catalogue 33: gather_future.cancel(msg) cancels the unfinished children; the awaiter gets CancelledError with msg.
import { CancelledError, coroutine, createTask, gather, print, run, sleep, str } from "../../src/index.js";

const child = coroutine(async function child(name: string, d: number) {
  try {
    await sleep(d);
    return name;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`${name}: cancelled ${str(e.args)}`);
    throw e;
  }
});

const main = coroutine(async function main() {
  const fast = createTask(child("fast", 0.05));
  const slow = createTask(child("slow", 10));
  const g = gather(fast, slow);
  await sleep(0.1);
  print("g.cancel('bye') ->", g.cancel("bye"));
  try {
    await g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("await g: CancelledError", e.args, "| g.cancelled() =", g.cancelled());
  }
  print("fast.result() =", fast.result(), "| slow.cancelled() =", slow.cancelled());
});

export default () => run(main());
