// Catalogue 03: tasks start in creation order; each `await sleep(0)` yields one iteration (round-robin).
import { coroutine, createTask, print, run, sleep } from "../../src/index.js";

const worker = coroutine(async function worker(name: string) {
  for (let i = 0; i < 3; i++) {
    print(`${name}${i}`);
    await sleep(0);
  }
});

const main = coroutine(async function main() {
  for (const n of "ABC") createTask(worker(n));
  print("main: created A, B, C");
  await sleep(0.01);
});

export default () => run(main());
