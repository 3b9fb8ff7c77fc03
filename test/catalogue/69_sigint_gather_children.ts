// Catalogue 69: Ctrl-C while main awaits gather(): the cancel reaches every child, then KeyboardInterrupt (130).
import { CancelledError, coroutine, gather, print, sleep } from "../../src/index.js";
import { drive, runInterrupted } from "./support/driver.js";

const done: number[] = [];

const worker = coroutine(async function worker(n: number) {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    done.push(n);
    throw e;
  }
});

const main = coroutine(async function main() {
  const g = gather(worker(1), worker(2), worker(3));
  await sleep(0.05); // let the workers start (see item 22)
  print("main: workers started");
  try {
    await g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(
      "main: CancelledError; workers cancelled:",
      [...done].sort((x, y) => x - y),
    );
    throw e;
  }
});

const child = async () => {
  await runInterrupted([0.1])(main()); // SIGINT once "main: workers started" is printed
};

export default () => drive(child);
