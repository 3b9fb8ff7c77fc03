// Catalogue 04: a coroutine that never awaits runs uninterrupted; awaiting a plain coroutine does not yield.
import { coroutine, createTask, print, run, sleep } from "../../src/index.js";

const helper = coroutine(async function helper() {
  print("helper runs inline (no task switch)");
  return 1;
});

const other = coroutine(async function other() {
  print("other task ran");
});

const main = coroutine(async function main() {
  createTask(other());
  const x = await helper(); // no suspension: plain coroutine call
  void x;
  for (let i = 0; i < 3; i++) {
    print("busy", i); // other task cannot run here
  }
  await sleep(0); // first real suspension point
  print("main after first yield");
});

export default () => run(main());
