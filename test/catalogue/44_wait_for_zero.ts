// Catalogue 44: waitFor(coro, 0) never starts the coroutine and raises TimeoutError; null waits forever.
import { coroutine, print, run, TimeoutError, waitFor } from "../../src/index.js";

const body = coroutine(async function body() {
  print("body started"); // not printed for timeout=0
  return "value";
});

const main = coroutine(async function main() {
  try {
    await waitFor(body(), 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("timeout=0 -> TimeoutError, body never ran");
  }
  print("timeout=None ->", await waitFor(body(), null));
});

export default () => run(main());
