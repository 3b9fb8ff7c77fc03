/**
 * asyncio.shield: protect an awaitable from the cancellation of whoever awaits
 * it. Cancelling the awaiting task raises CancelledError in it at once, while
 * the inner task keeps running (catalogue item 36). Cancelling the inner task
 * itself still cancels the shield (item 37), and a shield does not survive the
 * end of `run()` (item 38).
 */
import { type Awaitable, ensureFutureBy } from "./ensure-future.js";
import { Future } from "./future.js";
import type { EventLoop } from "./loop.js";
import type { Awaiting } from "./runtime-events.js";

class ShieldFuture<T> extends Future<T> {
  constructor(
    loop: EventLoop,
    private readonly inner: Future<T>,
  ) {
    super(loop);
  }

  override _describe(): Awaiting {
    const inner = this.inner._describe();
    return { text: `shield(${inner.text})`, kind: "shield", tasks: inner.tasks };
  }
}

/** Await `aw` without letting a cancellation of the awaiter reach it. */
export function shield<T>(aw: Awaitable<T>): Future<T> {
  const inner = ensureFutureBy(aw, "shield");
  if (inner.done()) return inner;
  const outer = new ShieldFuture<T>(inner._loop, inner);

  const innerDone = (done: Future<T>): void => {
    if (outer.cancelled()) {
      if (!done.cancelled()) done.exception(); // mark it retrieved
      return;
    }
    if (done.cancelled()) {
      outer.cancel();
      return;
    }
    const exc = done.exception();
    if (exc !== undefined) outer.setException(exc);
    else outer.setResult(done.result());
  };
  const outerDone = (): void => {
    if (!inner.done()) inner.removeDoneCallback(innerDone);
  };

  inner.addDoneCallback(innerDone);
  outer.addDoneCallback(outerDone);
  return outer;
}
