// Cancelling an outer gather whose child is itself a gather: the cancel goes
// down to the inner gather's children; with return_exceptions the inner gather
// reports its own cancellation as a CancelledError, and the outer one raises.
import { CancelledError, coroutine, gather, print, run, sleep } from "../../../src/index.js";

const leaf = coroutine(async function leaf(name: string, delay: number) {
  try {
    await sleep(delay);
    print(name, "finished");
    return name;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(name, "cancelled");
    throw e;
  }
});

const main = coroutine(async function main() {
  const inner = gather(leaf("i1", 0.1), leaf("i2", 1), { returnExceptions: true });
  const outer = gather(inner, leaf("o1", 1), { returnExceptions: true });
  await sleep(0.5);
  print("outer.cancel() ->", outer.cancel());
  try {
    print("outer ->", await outer);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("outer raised CancelledError");
  }
  print("inner done:", inner.done(), "cancelled:", inner.cancelled());
  try {
    print("inner ->", inner.result());
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("inner.result() raised CancelledError");
  }
});

export default () => run(main());
