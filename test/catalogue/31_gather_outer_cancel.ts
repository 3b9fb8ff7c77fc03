// Catalogue 31: cancelling the task awaiting gather cancels every unfinished child; the awaiter gets CancelledError.
import { CancelledError, coroutine, createTask, gather, print, run, sleep, str } from "../../src/index.js";

const child = coroutine(async function child(name: string) {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`${name}: CancelledError ${str(e.args)}`);
    throw e;
  }
});

const parent = coroutine(async function parent(return_exceptions: boolean) {
  try {
    await gather(child("c1"), child("c2"), { returnExceptions: return_exceptions });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`parent(return_exceptions=${str(return_exceptions)}): CancelledError ${str(e.args)}`);
    throw e;
  }
});

const main = coroutine(async function main() {
  for (const rex of [false, true]) {
    const p = createTask(parent(rex));
    await sleep(0.1);
    p.cancel("stop");
    await sleep(0.01);
    print("parent cancelled():", p.cancelled());
  }
});

export default () => run(main());
