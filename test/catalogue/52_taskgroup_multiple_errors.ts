// Catalogue 52: errors raised while the group aborts are all collected, in completion order.
import {
  CancelledError,
  coroutine,
  ExceptionGroup,
  KeyError,
  print,
  RuntimeError,
  run,
  sleep,
  taskGroup,
  ValueError,
} from "../../src/index.js";

const fail = coroutine(async function fail(exc: Error, d: number) {
  await sleep(d);
  throw exc;
});

const bad_cleanup = coroutine(async function bad_cleanup() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    throw new RuntimeError("error during cleanup");
  }
});

const main = coroutine(async function main() {
  try {
    await taskGroup(async (tg) => {
      tg.createTask(fail(new ValueError("v"), 0.1));
      tg.createTask(fail(new KeyError("k"), 0.1));
      tg.createTask(bad_cleanup());
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    print(eg.message, "->", eg.exceptions);
  }
});

export default () => run(main());
