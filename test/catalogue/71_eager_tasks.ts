// Catalogue 71: the eager task factory (3.12+) runs a task's first step inside createTask. This runtime has none
// (3.13's default factory is not eager), so it takes the snippet's "no factory" branch — see 71_eager_tasks.expected-ts.
import * as asyncio from "../../src/index.js";
import { coroutine, createTask, print, run, sleep } from "../../src/index.js";

const child = coroutine(async function child() {
  print("child: first step");
  await sleep(0);
  print("child: second step");
});

const main = coroutine(async function main() {
  if (!("eagerTaskFactory" in asyncio)) {
    print("no asyncio.eager_task_factory in this version");
    return;
  }
  // loop.set_task_factory(asyncio.eager_task_factory) would go here.
  const t = createTask(child());
  print("main: after create_task");
  await t;
});

export default () => run(main());
