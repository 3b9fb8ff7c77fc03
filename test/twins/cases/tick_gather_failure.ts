// A ticker beside a gather whose child fails: the awaiting task gets the error
// two iterations later while the other children keep running, uncancelled.
import { coroutine, createTask, gather, print, repr, run, sleep, ValueError } from "../../../src/index.js";

const ticker = coroutine(async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    print("tick", i);
    await sleep(0);
  }
});

const child = coroutine(async function child(name: string, hops: number, fail = false) {
  for (let i = 0; i < hops; i++) await sleep(0);
  if (fail) {
    print("child", name, "raises");
    throw new ValueError(name);
  }
  print("child", name, "done");
  return name;
});

const main = coroutine(async function main() {
  const t = createTask(ticker(10));
  const g = gather(child("a", 4), child("bad", 1, true), child("b", 2));
  try {
    await g;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main got", repr(e));
  }
  await t;
  print("gather done:", g.done());
});

export default () => run(main());
