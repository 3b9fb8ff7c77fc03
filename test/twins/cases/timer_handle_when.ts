// TimerHandle.when() is a method: the loop time the callback is due at.
// cancelled() flips at cancel(); a cancelled timer never runs.
import { coroutine, fixed, getRunningLoop, print, run, sleep } from "../../../src/index.js";

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const start = loop.time();
  const h1 = loop.callLater(0.5, print, "h1 runs");
  const h2 = loop.callAt(start + 0.25, print, "h2 runs");
  const h3 = loop.callLater(0.1, print, "h3 never runs");
  print(`h1 due in ${fixed(h1.when() - start, 2)}, h2 in ${fixed(h2.when() - start, 2)}`);
  print("h3 cancelled before:", h3.cancelled());
  h3.cancel();
  print("h3 cancelled after:", h3.cancelled());
  await sleep(1);
  print(`done at ${fixed(loop.time() - start, 2)}`, h1.cancelled());
});

export default () => run(main());
