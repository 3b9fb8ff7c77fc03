// Catalogue 13: only gather's first exception propagates (later ones are marked retrieved); an orphan task's is
// reported. CPython reports it when the task is garbage-collected (at gc.collect(), before "after gc"); this
// runtime has no GC hook and reports never-retrieved exceptions at the end of run(), through the loop's exception
// handler, in creation order — so the HANDLER line comes after "after gc" (see .expected-ts).
import {
  coroutine,
  createTask,
  gather,
  getRunningLoop,
  print,
  RuntimeError,
  repr,
  run,
  sleep,
} from "../../src/index.js";

const fail = coroutine(async function fail(msg: string, d: number) {
  await sleep(d);
  throw new RuntimeError(msg);
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  loop.setExceptionHandler((_loop, ctx) => print("HANDLER:", ctx.message, repr(ctx.exception)));
  const t1 = createTask(fail("first", 0.1));
  const t2 = createTask(fail("second", 0.2));
  const t3 = createTask(fail("orphan", 0.2)); // never awaited by anyone
  try {
    await gather(t1, t2);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print("caught", e);
  }
  await sleep(0.2);
  print("t2.done():", t2.done(), "t3.done():", t3.done());
  // del t1, t2, t3; gc.collect() — nothing to do here: the report comes at the end of run()
  print("after gc");
});

export default () => run(main());
