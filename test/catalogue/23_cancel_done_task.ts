// Catalogue 23: cancel() on a finished task returns False and changes nothing.
import { coroutine, createTask, print, run } from "../../src/index.js";

const quick = coroutine(async function quick() {
  return 42;
});

const main = coroutine(async function main() {
  const t = createTask(quick());
  await t;
  print(
    "cancel() ->",
    t.cancel(),
    "| cancelled() =",
    t.cancelled(),
    "| result() =",
    t.result(),
    "| cancelling() =",
    t.cancelling(),
  );
});

export default () => run(main());
