// Catalogue 25: cancelling() counts cancel() requests; uncancel() decrements (not below 0); two cancels, one error.
import { CancelledError, coroutine, createTask, currentTask, print, run, sleep } from "../../src/index.js";

const worker = coroutine(async function worker() {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await sleep(0.1);
      print(`attempt ${attempt}: slept normally`);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(`attempt ${attempt}: CancelledError, cancelling() = ${currentTask()!.cancelling()}`);
    }
  }
  return "survived";
});

const main = coroutine(async function main() {
  const t = createTask(worker());
  await sleep(0);
  print("cancel #1 ->", t.cancel(), "count", t.cancelling());
  print("cancel #2 ->", t.cancel(), "count", t.cancelling());
  print(await t);
  print("after finish: cancelling() =", t.cancelling());
  print("uncancel() ->", t.uncancel(), t.uncancel(), t.uncancel());
});

export default () => run(main());
