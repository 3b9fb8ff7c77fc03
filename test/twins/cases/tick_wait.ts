// A ticker beside asyncio.wait(): the waiter wakes two iterations after the
// first task ends, so a task ending in that same iteration is in `done` too.
import { coroutine, createTask, print, run, sleep, type Task, wait } from "../../../src/index.js";

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

function names(tasks: Set<Task<string>>): string[] {
  return [...tasks].map((t) => t.getName()).sort();
}

const main = coroutine(async function main() {
  const t = createTask(ticker(12));
  const a = createTask(job("a", 3), { name: "a" });
  const b = createTask(job("b", 1), { name: "b" });
  const c = createTask(job("c", 1), { name: "c" });
  const d = createTask(job("d", 6), { name: "d" });
  let [done, pending] = await wait([a, b, c, d], { timeout: 5, returnWhen: "FIRST_COMPLETED" });
  print("first completed:", names(done), "pending:", names(pending));
  [done, pending] = await wait([a, b, c, d]);
  print("all completed:", names(done), "pending:", names(pending));
  await t;
});

export default () => run(main());
