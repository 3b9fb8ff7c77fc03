// Default task names: gather's wrapper tasks and tasks made in callbacks take
// numbers too, and a named task or set_name() does not. (Each run numbers from
// Task-1 here; CPython's counter goes on across runs — a documented difference.)
import { coroutine, createTask, currentTask, gather, getRunningLoop, print, run } from "../../../src/index.js";

const noop = coroutine(async function noop() {});

function inCallback(names: string[]): void {
  names.push(createTask(noop()).getName());
}

const main = coroutine(async function main(label: string) {
  const names = [currentTask()!.getName()];
  const a = createTask(noop(), { name: "named" });
  const g = gather(noop(), noop());
  const b = createTask(noop());
  b.setName("renamed");
  const c = createTask(noop());
  getRunningLoop().callSoon(inCallback, names);
  await gather(a, b, c, g);
  names.push(a.getName(), b.getName(), c.getName());
  print(label, names);
});

export default () => run(main("first run:"));
