// Catalogue 64: run() returns main's value after cancelling leftover tasks and waiting for their cleanup.
// Python measures the total with time.monotonic(); here it is the loop's (virtual) time, read from a Runner.
import { CancelledError, coroutine, createTask, fixed, print, Runner, sleep } from "../../src/index.js";

const leftover = coroutine(async function leftover(name: string, swallow: boolean) {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    if (!swallow) {
      print(`${name}: cancelled at shutdown`);
      throw e;
    }
    await sleep(0.2);
    print(`${name}: swallowed cancel, finished slow cleanup`);
    return "ignored";
  }
});

const main = coroutine(async function main() {
  createTask(leftover("L1", false));
  createTask(leftover("L2", true));
  await sleep(0.1);
  print("main returns");
  return "main value";
});

export default async () => {
  const runner = new Runner(); // asyncio.run(main()), keeping the loop's clock readable
  const t0 = runner.loop.time();
  let value: string;
  try {
    value = await runner.run(main());
  } finally {
    await runner.close();
  }
  print("asyncio.run ->", value);
  print(`total ${fixed(runner.loop.time() - t0, 1)}s`);
};
