// Catalogue 07: gather() wraps coroutines in tasks at call time; they start at the creator's next suspension.
import { coroutine, gather, print, run, sleep } from "../../src/index.js";

const child = coroutine(async function child(name: string) {
  print("start", name);
  await sleep(0);
  print("end", name);
  return name;
});

const main = coroutine(async function main() {
  const g = gather(child("a"), child("b"), child("c"));
  print("gather() returned; children not started yet");
  await sleep(0);
  print("main: after one sleep(0), gather done =", g.done());
  print(await g);
});

export default () => run(main());
