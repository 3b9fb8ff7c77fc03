// Catalogue 02: call_soon callbacks run FIFO; one scheduled while the ready queue drains runs next iteration.
import { coroutine, getRunningLoop, print, run, sleep } from "../../src/index.js";

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  function cb(name: string): void {
    print("cb", name);
    if (name === "A") loop.callSoon(cb, "A2 (scheduled by A)");
  }
  for (const n of "ABC") loop.callSoon(cb, n);
  await sleep(0); // main resumes after A, B, C (its wake-up was queued after them)
  print("main resumed");
  await sleep(0);
  print("main resumed again");
});

export default () => run(main());
