// Catalogue 01: create_task() is lazy — the body runs after the creator suspends.
import { coroutine, createTask, print, run, sleep } from "../../src/index.js";

const child = coroutine(async function child() {
  print("child: started");
});

const main = coroutine(async function main() {
  const t = createTask(child());
  print("main: task created, done =", t.done());
  print("main: still running synchronously");
  await sleep(0);
  print("main: after sleep(0), done =", t.done());
});

export default () => run(main());
