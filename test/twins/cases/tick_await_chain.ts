// Each task in a chain (top awaits middle awaits leaf) resumes one loop
// iteration after the task it awaits ends; awaiting coroutines inline costs none.
import { coroutine, createTask, print, run, sleep } from "../../../src/index.js";

const ticker = coroutine(async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    print("tick", i);
    await sleep(0);
  }
});

const leaf = coroutine(async function leaf() {
  print("leaf start");
  await sleep(0);
  print("leaf end");
  return 1;
});

const middle = coroutine(async function middle(asTask: boolean) {
  print("middle start");
  const v = await (asTask ? createTask(leaf()) : leaf());
  print("middle got", v);
  return v + 1;
});

const top = coroutine(async function top(asTask: boolean) {
  print("top start");
  const v = await (asTask ? createTask(middle(asTask)) : middle(asTask));
  print("top got", v);
  return v + 1;
});

const main = coroutine(async function main() {
  let t = createTask(ticker(8));
  print("tasks:", await createTask(top(true)));
  await t;
  t = createTask(ticker(4));
  print("inline:", await top(false));
  await t;
});

export default () => run(main());
