// Catalogue 08: default task names are "Task-N" from one counter; a named task does not consume a number (3.13).
import { coroutine, createTask, currentTask, gather, print, run } from "../../src/index.js";

const noop = coroutine(async function noop() {});

const main = coroutine(async function main() {
  print(currentTask()!.getName());
  const a = createTask(noop());
  const b = createTask(noop(), { name: "custom" });
  const g = gather(noop()); // gather's wrapper tasks consume numbers too
  const c = createTask(noop());
  print(a.getName(), b.getName(), c.getName());
  await gather(a, b, c, g);
});

export default () => run(main());
