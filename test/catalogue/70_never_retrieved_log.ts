// Catalogue 70: "Task exception was never retrieved" for failed tasks nobody looked at. CPython logs it when the
// task is garbage-collected (the unreferenced one at once, the kept one when main's frame ends); this runtime
// reports them all at the end of run(), in creation order, through the loop's exception handler, which here prints
// the snippet's `LOG ERROR asyncio: …` line — see 70_never_retrieved_log.expected-ts.
import {
  coroutine,
  createTask,
  type ExceptionContext,
  getRunningLoop,
  print,
  repr,
  run,
  sleep,
  ValueError,
} from "../../src/index.js";

const show = (_loop: unknown, ctx: ExceptionContext) => {
  // logging handler of the 'asyncio' logger
  const first = ctx.message;
  const second = `future: ${repr(ctx.future)}`;
  print(`LOG ERROR asyncio: ${first} | ${second.split(" coro=")[0]}>`);
};

const boom = coroutine(async function boom(tag: string) {
  throw new ValueError(tag);
});

const main = coroutine(async function main() {
  getRunningLoop().setExceptionHandler(show);
  createTask(boom("unreferenced"), { name: "unreferenced" });
  // biome-ignore lint/correctness/noUnusedVariables: kept referenced until main returns, as in Python
  const kept = createTask(boom("kept"), { name: "kept" });
  const checked = createTask(boom("checked"), { name: "checked" });
  await sleep(0.1);
  checked.exception();
  print("main: about to return");
});

export default async () => {
  await run(main());
  print("after asyncio.run");
};
