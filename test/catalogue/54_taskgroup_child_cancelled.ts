// Catalogue 54: a group task that ends cancelled is not an error: siblings continue, nothing is raised.
import { coroutine, print, run, sleep, type Task, taskGroup } from "../../src/index.js";

const job = coroutine(async function job(name: string, d: number) {
  await sleep(d);
  print(name, "finished");
});

const main = coroutine(async function main() {
  let a!: Task<void>; // assigned in the block, used after it, as in Python
  await taskGroup(async (tg) => {
    a = tg.createTask(job("a", 10));
    tg.createTask(job("b", 0.2));
    await sleep(0.1);
    a.cancel();
  });
  print("group exited normally; a.cancelled() =", a.cancelled());
});

export default () => run(main());
