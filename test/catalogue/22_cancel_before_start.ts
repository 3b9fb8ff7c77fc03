// Catalogue 22: a task cancelled before it ever ran never executes its body (not even try/finally); it ends cancelled.
import { CancelledError, coroutine, createTask, print, run, sleep } from "../../src/index.js";

const worker = coroutine(async function worker() {
  try {
    print("worker body started"); // never printed
    await sleep(1);
  } finally {
    print("worker finally"); // never printed either
  }
});

const main = coroutine(async function main() {
  const t = createTask(worker());
  print("cancel() ->", t.cancel("early"));
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("await t -> CancelledError", e.args, "| cancelled() =", t.cancelled());
  }
});

export default () => run(main());
