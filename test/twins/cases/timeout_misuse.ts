// The Timeout object's states: reschedule() while the timeout is expiring or
// after it has finished raises RuntimeError; when() and expired() stay readable.
import {
  CancelledError,
  coroutine,
  fixed,
  getRunningLoop,
  print,
  RuntimeError,
  repr,
  run,
  sleep,
  type Timeout,
  TimeoutError,
  timeout,
} from "../../../src/index.js";

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  let cm: Timeout | undefined;
  try {
    await timeout(0.1, async (c) => {
      cm = c;
      try {
        await sleep(1);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print("expiring, expired():", c.expired());
        try {
          c.reschedule(loop.time() + 10);
        } catch (e2) {
          if (!(e2 instanceof RuntimeError)) throw e2;
          print("reschedule while expiring:", repr(e2));
        }
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("timed out; expired():", cm!.expired(), `when: ${fixed(cm!.when()!, 1)}`);
  }
  try {
    cm!.reschedule(null);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print("reschedule after exit:", repr(e));
  }
  let ok: Timeout | undefined;
  await timeout(5, async (c) => {
    ok = c;
    await sleep(0.1);
  });
  print("finished normally; expired():", ok!.expired(), `when: ${fixed(ok!.when()!, 1)}`);
  try {
    ok!.reschedule(loop.time() + 1);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print("reschedule after a clean exit:", repr(e));
  }
});

export default () => run(main());
