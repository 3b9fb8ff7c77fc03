// asyncio.timeout(None) never fires until rescheduled; reschedule() can push a
// deadline later, pull it earlier, into the past (fires on the next iteration),
// or back to None; when() reports it.
import {
  type Coroutine,
  coroutine,
  type EventLoop,
  fixed,
  getRunningLoop,
  print,
  run,
  sleep,
  type Timeout,
  TimeoutError,
  timeout,
} from "../../../src/index.js";

function fmt(when: number | null): string {
  return when === null ? "None" : fixed(when, 1);
}

const attempt = coroutine(async function attempt(
  label: string,
  body: (cm: Timeout, loop: EventLoop) => Coroutine<void>,
) {
  const loop = getRunningLoop();
  const start = loop.time();
  let cm: Timeout | undefined;
  try {
    await timeout(null, async (c) => {
      cm = c;
      print(label, "when:", fmt(c.when()));
      await body(c, loop);
      print(label, "body finished");
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(label, `TimeoutError after ${fixed(loop.time() - start, 1)}`);
  }
  print(label, "expired:", cm!.expired());
});

const later = coroutine(async function later(cm: Timeout, loop: EventLoop) {
  cm.reschedule(loop.time() + 0.2);
  await sleep(0.1);
  cm.reschedule(cm.when()! + 0.3);
  print("  moved to", fmt(cm.when()));
  await sleep(1);
});

const past = coroutine(async function past(cm: Timeout, loop: EventLoop) {
  cm.reschedule(loop.time() - 5);
  print("  deadline in the past; still running");
  await sleep(0);
  print("  not reached");
});

const unset = coroutine(async function unset(cm: Timeout, loop: EventLoop) {
  cm.reschedule(loop.time() + 0.1);
  await sleep(0.05);
  cm.reschedule(null);
  await sleep(0.5);
});

const main = coroutine(async function main() {
  await attempt("later:", later);
  await attempt("past:", past);
  await attempt("unset:", unset);
});

export default () => run(main());
