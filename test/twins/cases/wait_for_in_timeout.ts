// wait_for nested in a timeout block: the earlier deadline wins; with equal
// deadlines both fire in one iteration and the OUTER block reports the timeout
// (the inner one sees the cancel count above its own and lets it through).
import {
  CancelledError,
  coroutine,
  currentTask,
  fixed,
  getRunningLoop,
  print,
  run,
  sleep,
  type Timeout,
  TimeoutError,
  timeout,
  waitFor,
} from "../../../src/index.js";

const work = coroutine(async function work(delay: number) {
  await sleep(delay);
  return "work done";
});

const caseOf = coroutine(async function case_(label: string, block: number, inner: number) {
  const loop = getRunningLoop();
  const start = loop.time();
  let cm: Timeout | undefined;
  try {
    await timeout(block, async (c) => {
      cm = c;
      try {
        print(label, "->", await waitFor(work(1), inner));
      } catch (e) {
        if (e instanceof TimeoutError) {
          print(label, `wait_for timed out after ${fixed(loop.time() - start, 1)}`);
        } else if (e instanceof CancelledError) {
          print(label, "wait_for let CancelledError through");
          throw e;
        } else {
          throw e;
        }
      }
      await sleep(1);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(label, `block timed out after ${fixed(loop.time() - start, 1)}`);
  }
  print(label, "block expired:", cm!.expired(), "cancelling", currentTask()!.cancelling());
});

const main = coroutine(async function main() {
  await caseOf("inner first:", 0.3, 0.2);
  await caseOf("block first:", 0.2, 0.3);
  await caseOf("same deadline:", 0.2, 0.2);
});

export default () => run(main());
