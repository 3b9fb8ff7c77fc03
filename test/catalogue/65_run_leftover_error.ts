// Catalogue 65: a leftover task failing while cancelled at shutdown goes to the loop's exception handler.
import {
  CancelledError,
  coroutine,
  createTask,
  getRunningLoop,
  print,
  RuntimeError,
  repr,
  run,
  sleep,
} from "../../src/index.js";

const bad_cleanup = coroutine(async function bad_cleanup() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    throw new RuntimeError("cleanup failed");
  }
});

const main = coroutine(async function main() {
  getRunningLoop().setExceptionHandler((_loop, ctx) => print("HANDLER:", ctx.message, "|", repr(ctx.exception)));
  createTask(bad_cleanup());
  await sleep(0.1);
  return "ok";
});

export default async () => {
  print("asyncio.run ->", await run(main()));
};
