// A stand-in for the dashboard's session, driven by a recorded run: the engine delivers events while it plays
// and a few more after a pause (it stops at its next boundary, as a worker does); the view follows the
// newest event unless it was moved back (as the store's cursor does), seek() moves it through what has
// arrived, resume() plays on. Enough to test what the quiz and the tour do with a session.
import type { QuizSession } from "../../src/learn/dashboard-quiz.js";
import type { RuntimeEvent } from "../../src/runtime/runtime-events.js";

export class FakeSession implements QuizSession {
  position = 0;
  head = 0;
  paused = false;
  ended = false;
  seeks: number[] = [];
  private listeners = new Set<(event: RuntimeEvent, hint: string | undefined) => void>();
  private endListeners = new Set<(result: { status: number }) => void>();

  constructor(
    private events: readonly RuntimeEvent[],
    private status: number,
    /** Events the engine still delivers after a pause. */
    private readonly lag = 2,
  ) {}

  get store() {
    // The real store publishes throttled; this one is read directly, so publishing is nothing to do.
    return { head: this.head, position: this.position, publish: () => {} };
  }

  onEvent(listener: (event: RuntimeEvent, hint: string | undefined) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onEnd(listener: (result: { status: number }) => void) {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  pause(): void {
    this.paused = true;
  }

  seek(position: number): void {
    this.seeks.push(position);
    this.paused = true;
    this.position = Math.max(1, Math.min(position, this.head));
  }

  resume(): void {
    this.paused = false;
    this.position = this.head;
  }

  /** The engine runs: events until the run ends, or until `lag` events after a pause. */
  run(): void {
    let lagLeft = this.lag;
    while (this.head < this.events.length) {
      if (this.paused && lagLeft-- <= 0) return;
      this.deliver();
    }
    if (!this.ended) {
      this.ended = true;
      for (const l of this.endListeners) l({ status: this.status });
    }
  }

  /** The engine delivers events (playing or not) until `head` events have come. */
  runTo(head: number): void {
    while (this.head < Math.min(head, this.events.length)) this.deliver();
  }

  /**
   * The run branches at the view (a command given there): the engine replays the events up to the view,
   * then goes on with `events` (the branched run's, from its start).
   */
  branch(events: readonly RuntimeEvent[], status: number): void {
    const at = this.position;
    this.events = events;
    this.status = status;
    this.head = 0;
    for (let i = 0; i < at; i++) this.deliver();
    this.position = this.head;
    this.paused = false;
  }

  private deliver(): void {
    const event = this.events[this.head] as RuntimeEvent;
    const following = this.position === this.head;
    this.head++;
    if (following) this.position = this.head;
    for (const l of this.listeners) l(event, undefined);
  }
}
