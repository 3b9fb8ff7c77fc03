// Catalogue 58: wait(FIRST_COMPLETED) returns [done, pending] at the first completion; pending keep running.
import { coroutine, createTask, fixed, getRunningLoop, print, repr, run, sleep, wait } from "../../src/index.js";

const job = coroutine(async function job(name: string, d: number) {
  await sleep(d);
  return name;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const ts = (
    [
      ["a", 0.3],
      ["b", 0.1],
      ["c", 0.2],
    ] as const
  ).map(([n, d]) => createTask(job(n, d), { name: n }));
  const [done, pending] = await wait(ts, { returnWhen: "FIRST_COMPLETED" });
  print(
    `at ${fixed(loop.time() - t0, 1)}: done=${repr([...done].map((t) => t.getName()).sort())}`,
    `pending=${repr([...pending].map((t) => t.getName()).sort())}`,
  );
  print(
    "pending cancelled?",
    [...pending].map((t) => t.cancelled()),
  );
  await sleep(0.3);
  print(
    "later all done:",
    ts.map((t) => t.result()),
  );
});

export default () => run(main());
