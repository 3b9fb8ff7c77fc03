// Catalogue 34: cancelling a gather whose children all swallow the cancel still raises CancelledError in the awaiter.
import { CancelledError, coroutine, fixed, gather, getRunningLoop, print, run, sleep } from "../../src/index.js";

const stubborn = coroutine(async function stubborn(name: string) {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`${name}: ignoring cancel, finishing cleanup`);
    await sleep(0.1);
  }
  return name;
});

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const t0 = loop.time();
  const g = gather(stubborn("x"), stubborn("y"), { returnExceptions: true });
  await sleep(0.1);
  g.cancel();
  try {
    print(await g);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(`await g raised CancelledError at ${fixed(loop.time() - t0, 1)}`);
  }
});

export default () => run(main());
