/**
 * The quiz over an event stream (plain and JSON output): the run's events go
 * through here to the view; before the events that answer a question the
 * stream stops, the question is asked, and once the answering event has been
 * shown, the verdict. One question is open at a time; a question whose
 * answering event has already been shown is skipped.
 *
 * The run is paused while a question waits (so a paced run does not race
 * ahead), and resumed as soon as it is answered: the events up to the answer
 * must come before the verdict can be given.
 */
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import type { Answered, Question } from "./question.js";

/** What a text view does with the quiz. */
export interface StreamQuizView {
  /** Show a runtime event (the view's usual narration or JSON line). */
  event(event: RuntimeEvent, hint: string | undefined): void;
  /** Show question number `n` (from 1) and get the chosen index, or null if no answer comes. */
  ask(question: Question, n: number): Promise<number | null>;
  /** The answering event has been shown: say whether the choice was right, and the rule. */
  verdict(answered: Answered, n: number): void;
}

/** The run being quizzed: paused while a question waits. */
export interface Pausable {
  pause(): void;
  resume(): void;
}

export class StreamQuiz {
  private readonly queue: [RuntimeEvent, string | undefined][] = [];
  /** Seq of the last event shown. */
  private shown = 0;
  private next = 0;
  private asked = 0;
  private stopped = false;
  private pending: { answered: Answered; n: number } | undefined;
  /** The pump is showing events (or waiting for an answer); `idle` hears when it stops. */
  private pumping = false;
  private idle: (() => void)[] = [];
  /** What went wrong showing an event or asking (rethrown by drain()). */
  private failure: unknown;
  readonly answered: Answered[] = [];

  constructor(
    private readonly questions: readonly Question[],
    private readonly view: StreamQuizView,
    private readonly run: Pausable,
  ) {}

  /** An event of the run, as it comes. */
  push(event: RuntimeEvent, hint: string | undefined): void {
    this.queue.push([event, hint]);
    if (!this.pumping) void this.pump();
  }

  /** Ask nothing more (the run parted from the one the questions were made from); an open question is dropped. */
  stop(): void {
    this.stopped = true;
  }

  /** Everything received has been shown (call after the run ended, before the score). */
  async drain(): Promise<void> {
    if (this.pumping) await new Promise<void>((resolve) => this.idle.push(resolve));
    if (this.failure !== undefined) throw this.failure;
  }

  private async pump(): Promise<void> {
    // Set and cleared synchronously with the queue's checks: an event pushed while the pump ends finds it off.
    this.pumping = true;
    try {
      while (this.queue.length > 0) await this.showNext();
    } catch (error) {
      this.failure = error;
    }
    this.pumping = false;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Show the next event, asking the question due before it and giving the verdict it settles. */
  private async showNext(): Promise<void> {
    const [event, hint] = this.queue[0] as [RuntimeEvent, string | undefined];
    // Numbered events only: a wall-time warning has no place in the replayable run (and no question).
    const seq = typeof event.seq === "number" ? event.seq : undefined;
    if (this.stopped) this.pending = undefined;
    if (seq !== undefined && this.pending === undefined && !this.stopped) {
      const question = this.due(seq);
      if (question !== undefined) {
        this.run.pause();
        const n = ++this.asked;
        const choice = await this.view.ask(question, n);
        this.pending = { answered: { question, choice }, n };
        this.run.resume();
      }
    }
    this.queue.shift();
    this.view.event(event, hint);
    if (seq === undefined) return;
    this.shown = seq;
    const pending = this.pending;
    if (pending !== undefined && seq === pending.answered.question.answer) {
      this.pending = undefined;
      this.answered.push(pending.answered);
      this.view.verdict(pending.answered, pending.n);
    }
  }

  /** The question to ask before showing event `seq`, if one is due (skipping those already answered by the run). */
  private due(seq: number): Question | undefined {
    for (;;) {
      const q = this.questions[this.next];
      if (q === undefined) return undefined;
      if (q.answer <= this.shown) {
        this.next++;
        continue;
      }
      if (q.at <= this.shown && seq <= q.answer) {
        this.next++;
        return q;
      }
      return undefined;
    }
  }
}
