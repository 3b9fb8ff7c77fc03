// Catalogue 14: if main returns after gather raised, still-running children are cancelled by run()'s shutdown.
import { CancelledError, coroutine, gather, print, run, sleep, ValueError } from "../../src/index.js";

const slow = coroutine(async function slow() {
  try {
    await sleep(10);
    print("slow finished");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("slow got CancelledError during asyncio.run shutdown");
    throw e;
  }
});

const boom = coroutine(async function boom() {
  await sleep(0.1);
  throw new ValueError("boom");
});

const main = coroutine(async function main() {
  try {
    await gather(slow(), boom());
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main caught ValueError, returning");
  }
  return "main result";
});

export default async () => {
  print(await run(main()));
};
