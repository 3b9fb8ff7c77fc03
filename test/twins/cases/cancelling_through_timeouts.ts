// cancelling() while timeouts fire: 1 inside the cancelled body, back to 0
// once the timeout turns it into TimeoutError; nested expiring timeouts and
// wait_for count the same way; a pending cancel is not turned into TimeoutError.
import {
  CancelledError,
  coroutine,
  currentTask,
  print,
  run,
  sleep,
  type Timeout,
  TimeoutError,
  timeout,
  waitFor,
} from "../../../src/index.js";

function count(): number {
  return currentTask()!.cancelling();
}

const guarded = coroutine(async function guarded(label: string, delay: number) {
  try {
    await sleep(delay);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(label, "body cancelled, cancelling", count());
    throw e;
  }
});

const main = coroutine(async function main() {
  try {
    await timeout(0.1, async () => {
      await guarded("single", 1);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("single: TimeoutError, cancelling", count());
  }
  let outer: Timeout | undefined;
  try {
    await timeout(0.2, async (cm) => {
      outer = cm;
      try {
        await timeout(0.1, async () => {
          await guarded("inner", 1);
        });
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        print("inner: TimeoutError, cancelling", count());
      }
      await guarded("outer", 1);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("outer: TimeoutError, cancelling", count(), "expired", outer!.expired());
  }
  try {
    await waitFor(guarded("wait_for", 1), 0.1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("wait_for: TimeoutError, cancelling", count());
  }
  currentTask()!.cancel();
  try {
    await timeout(0.1, async () => {
      await guarded("pending cancel", 1);
    });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("pending cancel: CancelledError, not TimeoutError; cancelling", count());
  }
});

export default () => run(main());
