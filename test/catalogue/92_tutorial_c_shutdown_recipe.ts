// Catalogue 92: the tutorial's shutdown recipe under Ctrl-C: the tasks are already cancelled when main sees
// CancelledError; main swallows it, so run() returns normally (exit status 0).
import { CancelledError, coroutine, createTask, gather, print, sleep } from "../../src/index.js";
import { drive, runInterrupted } from "./support/driver.js";

const worker = coroutine(async function worker(n: number) {
  try {
    for (;;) await sleep(1);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`worker ${n}: cancelled`);
    throw e;
  }
});

const main = coroutine(async function main() {
  const coroutines = [worker(1), worker(2)];
  const tasks = coroutines.map((c) => createTask(c));
  await sleep(0.05);
  print("running");
  try {
    await gather(...tasks);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(
      "main: CancelledError; tasks already done:",
      tasks.map((t) => t.done()),
    );
    print(
      "cancel() results:",
      tasks.map((t) => t.cancel()),
    );
    print(await gather(...tasks, { returnExceptions: true }));
    print("Cleaned up");
  }
});

const child = async () => {
  await runInterrupted([0.1])(main()); // SIGINT once "running" is printed
  print("after asyncio.run: program continues normally");
};

export default () => drive(child);
