// What runs after main returns: a self-rescheduling callback chain gets the
// iterations of the shutdown (cancelling leftovers, then two more internal
// run_until_complete calls) and is dropped when the loop closes.
import {
  CancelledError,
  coroutine,
  createTask,
  type EventLoop,
  getRunningLoop,
  print,
  run,
  sleep,
} from "../../../src/index.js";

function chain(loop: EventLoop, i: number): void {
  print("chain", i);
  if (i < 20) loop.callSoon(chain, loop, i + 1);
}

const leftover = coroutine(async function leftover() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("leftover: cancelled");
    await sleep(0);
    print("leftover: one more step");
    throw e;
  }
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  createTask(leftover());
  await sleep(0);
  loop.callSoon(chain, loop, 0);
  print("main returns");
});

const mainAlone = coroutine(async function main_alone() {
  const loop = getRunningLoop();
  loop.callSoon(chain, loop, 100);
  print("main_alone returns");
});

export default async () => {
  await run(main());
  print("run returned");
  await run(mainAlone());
  print("second run returned");
};
