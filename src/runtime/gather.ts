/**
 * asyncio.gather: run awaitables concurrently and collect their results in
 * argument order.
 *
 * The rules a learner must see (catalogue section C): coroutines become tasks
 * at call time; the first exception reaches the awaiter at once while the
 * other children keep running — gather does not cancel siblings; with
 * `returnExceptions` errors become values. Cancelling the gather (or the task
 * awaiting it) cancels every unfinished child; a child cancelled on its own
 * is reported as CancelledError, but the gather itself is never `cancelled()`.
 */

import { type Awaitable, ensureFutureBy } from "./ensure-future.js";
import { CancelledError, withoutStack } from "./errors.js";
import { Future } from "./future.js";
import { type EventLoop, getRunningLoop } from "./loop.js";
import type { Awaiting } from "./runtime-events.js";
import type { Task } from "./task.js";

export interface GatherOptions {
  /** Return exceptions as results instead of raising the first one. */
  returnExceptions?: boolean;
}

/** The future gather() returns: cancelling it cancels the children. */
export class GatheringFuture<T> extends Future<T> {
  _cancelRequested = false;

  constructor(
    loop: EventLoop,
    readonly _children: readonly Future<unknown>[],
  ) {
    super(loop);
  }

  override get _className(): string {
    // asyncio.gather() of nothing returns a plain finished Future, not a _GatheringFuture.
    return this._children.length === 0 ? "Future" : "_GatheringFuture";
  }

  override _describe(): Awaiting {
    const tasks = this._children.filter((c): c is Task<unknown> => c._kind === 1).map((t) => t._id);
    return { text: `gather of ${this._children.length}`, kind: "gather", tasks };
  }

  /** Cancel every unfinished child; true if any accepted (then awaiting the gather raises CancelledError). */
  override cancel(msg?: unknown): boolean {
    if (this.done()) return false;
    const loop = this._loop;
    const cause = loop._cause ?? { cause: "gather" as const, by: loop._currentTask()?._id ?? null };
    let accepted = false;
    for (const child of this._children) {
      if (loop._withCause(cause.cause, cause.by, () => child.cancel(msg))) accepted = true;
    }
    if (accepted) this._cancelRequested = true;
    return accepted;
  }
}

type Results<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/** What gather() leaves on an argument while it runs (Coroutine and Future declare the field) to recognise it if it comes again. */
interface Stamped {
  _gatherFut: unknown;
}

function isOptions(value: unknown): value is GatherOptions {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Run the awaitables concurrently; resolve to their results in argument order.
 * A trailing plain object is the options: `gather(a(), b(), { returnExceptions: true })`.
 */
export function gather<T extends readonly Awaitable[]>(...aws: T): GatheringFuture<Results<T>>;
export function gather<T extends readonly Awaitable[]>(...args: [...T, GatherOptions]): GatheringFuture<unknown[]>;
export function gather(...args: unknown[]): GatheringFuture<unknown[]> {
  const last = args[args.length - 1];
  const options = isOptions(last) ? (args.pop() as GatherOptions) : {};
  const returnExceptions = options.returnExceptions === true;
  const aws = args as Awaitable[];

  if (aws.length === 0) {
    const outer = new GatheringFuture<unknown[]>(getRunningLoop(), []);
    outer.setResult([]);
    return outer;
  }

  let outer: GatheringFuture<unknown[]> | undefined;
  let nfinished = 0;
  let nfuts = 0;
  const children: Future<unknown>[] = [];
  const doneFuts: Future<unknown>[] = [];
  let loop: EventLoop | undefined;

  const doneCallback = (fut: Future<unknown>): void => {
    nfinished++;
    if (outer === undefined || outer.done()) {
      // Mark the exception retrieved: gather already reported one (item 13).
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(fut._makeCancelledError());
        return;
      }
      const exc = fut.exception();
      if (exc !== undefined) {
        outer.setException(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results = children.map((child) => {
        if (child.cancelled()) {
          const msg = child._cancelMessage ?? "";
          return withoutStack(() => new CancelledError(msg));
        }
        const exc = child.exception();
        return exc !== undefined ? exc : child.result();
      });
      if (outer._cancelRequested) {
        // CPython uses the last child seen by its loop here (the `fut` variable).
        outer.setException((children[children.length - 1] as Future<unknown>)._makeCancelledError());
      } else {
        outer.setResult(results);
      }
    }
  };

  // Duplicates run once (item 10): each argument is stamped with the future made for
  // it until the call ends, instead of filling a Map with every argument.
  try {
    for (const arg of aws) {
      const stamped = arg as Stamped;
      let fut = stamped?._gatherFut as Future<unknown> | null | undefined;
      if (fut === null || fut === undefined) {
        fut = ensureFutureBy(arg, "gather", loop);
        loop ??= fut._loop;
        nfuts++;
        stamped._gatherFut = fut;
        if (fut.done()) doneFuts.push(fut);
        else fut.addDoneCallback(doneCallback);
      }
      children.push(fut);
    }
  } finally {
    for (const arg of aws) {
      const stamped = arg as Stamped;
      if (stamped?._gatherFut) stamped._gatherFut = null;
    }
  }
  outer = new GatheringFuture<unknown[]>(loop as EventLoop, children);
  // Children already done are processed now, so the gather may be done on return (3.12+, item 11).
  for (const fut of doneFuts) doneCallback(fut);
  return outer;
}
