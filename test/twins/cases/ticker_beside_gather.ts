// A ticker prints once per loop iteration (sleep(0)) beside a gather whose
// children finish at different iterations: iteration-exact ordering.
import { coroutine, createTask, gather, print, run, sleep } from "../../../src/index.js";

const ticker = coroutine(async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    print("tick", i);
    await sleep(0);
  }
});

const child = coroutine(async function child(name: string, hops: number) {
  for (let i = 0; i < hops; i++) await sleep(0);
  print("child", name, "done");
  return name;
});

const main = coroutine(async function main() {
  const t = createTask(ticker(8));
  print(await gather(child("a", 2), child("b", 0), child("c", 1)));
  await t;
  print("main done");
});

export default () => run(main());
