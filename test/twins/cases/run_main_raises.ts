// main raising an exception: asyncio.run still cancels and awaits leftover
// tasks (their cleanup prints), then the error propagates: exit status 1.
import { CancelledError, coroutine, createTask, print, RuntimeError, run, sleep } from "../../../src/index.js";

const helper = coroutine(async function helper() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(0.1);
    print("helper: cleaned up after main failed");
    throw e;
  }
});

const main = coroutine(async function main() {
  createTask(helper());
  await sleep(0.5);
  print("main raising");
  throw new RuntimeError("main failed");
});

export default async () => {
  try {
    await run(main());
  } finally {
    print("finally after run");
  }
  print("not printed");
};
