// Catalogue 15: after gather raised, the gather future is done: cancel() returns False and cancels nothing.
import { coroutine, createTask, gather, print, run, sleep, ValueError } from "../../src/index.js";

const slow = coroutine(async function slow() {
  await sleep(0.2);
  print("slow still completed");
  return "slow";
});

const boom = coroutine(async function boom() {
  throw new ValueError("boom");
});

const main = coroutine(async function main() {
  const s = createTask(slow());
  const g = gather(s, boom());
  try {
    await g;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("g.cancel() ->", g.cancel(), "; s.cancelled() ->", s.cancelled());
  }
  print(await s);
});

export default () => run(main());
