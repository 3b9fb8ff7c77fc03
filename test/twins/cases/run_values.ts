// Several asyncio.run() calls in a row: each has a fresh loop whose clock starts
// at 0; run returns main's value (also None, or a task's result), and a caught
// error from one run does not affect the next.
import {
  coroutine,
  createTask,
  fixed,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  ValueError,
} from "../../../src/index.js";

const compute = coroutine(async function compute(x: number) {
  await sleep(0.5);
  return x * 2;
});

const viaTask = coroutine(async function via_task() {
  const loop = getRunningLoop();
  print(`via_task starts at ${fixed(loop.time(), 1)}`);
  return await createTask(compute(21));
});

const nothing = coroutine(async function nothing() {
  await sleep(0.1);
});

const failing = coroutine(async function failing() {
  await sleep(0.1);
  throw new ValueError("run failed");
});

export default async () => {
  print("first:", await run(compute(5)));
  print("second:", await run(viaTask()));
  print("third:", await run(nothing()));
  try {
    await run(failing());
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("fourth raised", repr(e));
  }
  print("fifth:", await run(viaTask()));
};
