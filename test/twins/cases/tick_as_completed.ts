// A ticker beside as_completed(): a result reaches the loop body two
// iterations after its task ends; one already queued comes without a wait.
import { asCompleted, coroutine, createTask, print, run, sleep } from "../../../src/index.js";

const ticker = coroutine(async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    print("tick", i);
    await sleep(0);
  }
});

const job = coroutine(async function job(name: string, hops: number) {
  for (let i = 0; i < hops; i++) await sleep(0);
  print("job", name, "ends");
  return name;
});

const main = coroutine(async function main() {
  const t = createTask(ticker(10));
  // Tasks, not coroutines: as_completed() wraps coroutines in set order.
  const jobs = (
    [
      ["slow", 4],
      ["fast", 1],
      ["mid", 2],
      ["mid2", 2],
    ] as const
  ).map(([n, h]) => createTask(job(n, h)));
  for (const f of asCompleted(jobs)) {
    print("got", await f);
  }
  await t;
});

export default () => run(main());
