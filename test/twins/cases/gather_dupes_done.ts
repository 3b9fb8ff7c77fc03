// gather() with the same task or coroutine twice waits once and repeats the
// result; over tasks that are already done it is done at once (3.12+).
import { coroutine, createTask, gather, print, run, sleep } from "../../../src/index.js";

const value = coroutine(async function value(v: number) {
  await sleep(0.1);
  print("value", v, "computed");
  return v;
});

const main = coroutine(async function main() {
  const t = createTask(value(1));
  const c = value(2);
  const g = gather(t, c, t, c);
  print("dupes done at once?", g.done());
  print("dupes ->", await g);
  const g2 = gather(t, t);
  print("done tasks: done at once?", g2.done());
  print("done tasks ->", await g2);
  const u = createTask(value(3));
  const g3 = gather(t, u, t);
  print("mixed: done at once?", g3.done());
  print("mixed ->", await g3);
});

export default () => run(main());
