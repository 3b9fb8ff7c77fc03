/**
 * asyncio.Barrier (Lib/asyncio/locks.py, 3.11+): a fixed number of tasks wait
 * at it until the last one arrives, then all go on together. Built, as in
 * CPython, on a Condition: it fills, drains (the waiters leave; newcomers wait
 * for the draining to end), may be reset (waiters get BrokenBarrierError) or
 * aborted (broken for good).
 */
import { Coroutine } from "./coroutine.js";
import { BrokenBarrierError, ValueError } from "./errors.js";
import { REPR } from "./format.js";
import { Condition } from "./locks.js";
import { LoopBound } from "./loop-bound.js";

type BarrierState = "filling" | "draining" | "resetting" | "broken";

export class Barrier extends LoopBound {
  /** Notifies every waiting task when the state changes. */
  readonly _cond = new Condition();
  readonly _parties: number;
  _state: BarrierState = "filling";
  /** Tasks in the barrier. */
  _count = 0;

  constructor(parties: number) {
    super();
    if (parties < 1) throw new ValueError("parties must be > 0");
    this._parties = parties;
  }

  /**
   * Wait until `parties` tasks wait here, then all go on; each gets its index,
   * 0 to parties-1 (the last to arrive gets parties-1). BrokenBarrierError if
   * the barrier is reset or aborted meanwhile.
   */
  wait(): Coroutine<number> {
    return new Coroutine(barrierWait, [this], "Barrier.wait");
  }

  /** Back to the initial state: tasks waiting now get BrokenBarrierError. */
  reset(): Coroutine<void> {
    return new Coroutine(barrierReset, [this], "Barrier.reset");
  }

  /** Break the barrier: every wait, now and later, raises BrokenBarrierError. */
  abort(): Coroutine<void> {
    return new Coroutine(barrierAbort, [this], "Barrier.abort");
  }

  /** How many tasks must wait for the barrier to open. */
  get parties(): number {
    return this._parties;
  }

  /** How many tasks wait now (0 unless it is filling; asyncio's `n_waiting`). */
  get nWaiting(): number {
    return this._state === "filling" ? this._count : 0;
  }

  /** True once aborted. */
  get broken(): boolean {
    return this._state === "broken";
  }

  [REPR](): string {
    const extra = this.broken ? "" : `, waiters:${this.nWaiting}/${this.parties}`;
    return `<asyncio.locks.Barrier object [${this._state}${extra}]>`;
  }

  /** Wait while the barrier drains or resets; BrokenBarrierError if it is broken. */
  async _block(): Promise<void> {
    await this._cond.waitFor(() => this._state !== "draining" && this._state !== "resetting");
    if (this._state === "broken") throw new BrokenBarrierError("Barrier aborted");
  }

  /** The last task arrived: let everyone go (draining). */
  _release(): void {
    this._state = "draining";
    this._cond.notifyAll();
  }

  /** Wait until the barrier stops filling; BrokenBarrierError if that is a reset or an abort. */
  async _wait(): Promise<void> {
    await this._cond.waitFor(() => this._state !== "filling");
    if (this._state === "broken" || this._state === "resetting") {
      throw new BrokenBarrierError("Abort or reset of barrier");
    }
  }

  /** A task leaves: the last one out ends the draining or resetting. */
  _exit(): void {
    if (this._count === 0) {
      if (this._state === "resetting" || this._state === "draining") this._state = "filling";
      this._cond.notifyAll();
    }
  }
}

async function barrierWait(barrier: Barrier): Promise<number> {
  const cond = barrier._cond;
  await cond.acquire();
  try {
    await barrier._block();
    try {
      const index = barrier._count;
      barrier._count++;
      if (index + 1 === barrier._parties) barrier._release();
      else await barrier._wait();
      return index;
    } finally {
      barrier._count--;
      barrier._exit();
    }
  } finally {
    cond.release();
  }
}

async function barrierReset(barrier: Barrier): Promise<void> {
  const cond = barrier._cond;
  await cond.acquire();
  try {
    if (barrier._count > 0) {
      if (barrier._state !== "resetting") barrier._state = "resetting";
    } else {
      barrier._state = "filling";
    }
    cond.notifyAll();
  } finally {
    cond.release();
  }
}

async function barrierAbort(barrier: Barrier): Promise<void> {
  const cond = barrier._cond;
  await cond.acquire();
  try {
    barrier._state = "broken";
    cond.notifyAll();
  } finally {
    cond.release();
  }
}
