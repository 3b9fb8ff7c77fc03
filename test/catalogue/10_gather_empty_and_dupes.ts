// Catalogue 10: gather() with no args -> []; the same awaitable passed twice runs once, its result repeated.
import { coroutine, createTask, gather, print, run } from "../../src/index.js";

const once = coroutine(async function once() {
  print("once() body runs");
  return 7;
});

const main = coroutine(async function main() {
  print(await gather());
  const c = once();
  print(await gather(c, c));
  const t = createTask(once());
  print(await gather(t, t, t));
});

export default () => run(main());
