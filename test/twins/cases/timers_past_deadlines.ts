// Timers already due run after the callbacks that were ready before them, in
// deadline order (not creation order); call_later(0) waits a full iteration.
import { coroutine, getRunningLoop, print, run, sleep } from "../../../src/index.js";

function note(msg: string): void {
  print(msg);
}

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  const now = loop.time();
  loop.callAt(now - 1, note, "call_at(now - 1)");
  loop.callLater(-2, note, "call_later(-2)");
  loop.callLater(0, note, "call_later(0)");
  loop.callAt(now, note, "call_at(now)");
  loop.callSoon(note, "call_soon A");
  loop.callSoon(() => loop.callSoon(note, "call_soon from a callback"));
  loop.callSoon(note, "call_soon B");
  print("main yields");
  await sleep(0);
  print("main resumed");
  await sleep(0);
  print("main resumed again");
});

export default () => run(main());
