// Catalogue 30: result() of a pending task raises InvalidStateError; exception() returns the error; cancelled tasks raise.
import {
  CancelledError,
  coroutine,
  createTask,
  InvalidStateError,
  print,
  repr,
  run,
  sleep,
  ValueError,
} from "../../src/index.js";

const bad = coroutine(async function bad() {
  await sleep(0.1);
  throw new ValueError("v");
});

const main = coroutine(async function main() {
  const t = createTask(bad());
  try {
    t.result();
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    print("pending result():", e.constructor.name, e);
  }
  await sleep(0.2);
  print("exception() ->", repr(t.exception()));
  const errs: ValueError[] = [];
  for (let i = 0; i < 2; i++) {
    try {
      await t;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      errs.push(e);
    }
  }
  print("awaited twice, same exception object:", errs[0] === errs[1]);
  const c = createTask(sleep(1));
  await sleep(0);
  c.cancel();
  await sleep(0);
  for (const meth of [c.result, c.exception]) {
    try {
      meth.call(c);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(`cancelled task .${meth.name}() raises CancelledError`);
    }
  }
});

export default () => run(main());
