/**
 * Holding the dashboard's view on an event while the engine runs on. The
 * session's seek() moves the view and pauses the run, but a pause reaches the
 * engine at its next boundary: the events of the same instant still come. A
 * view moved to the newest event would follow them (the store follows at its
 * head), so each one that arrives puts the view back where it is held.
 */
import type { QuizSession } from "./dashboard-quiz.js";

export class ViewHold {
  private at: number | undefined;

  constructor(private readonly session: QuizSession) {}

  /** Show the state after event `position` and keep it there. */
  hold(position: number): void {
    this.at = position;
    this.session.seek(position);
  }

  /** Where the view is held, if it is. */
  get position(): number | undefined {
    return this.at;
  }

  /** Let the view go (before playing on). */
  release(): void {
    this.at = undefined;
  }

  /** An event arrived: if it moved the view past the hold, put it back. */
  heard(seq: number): void {
    if (this.at !== undefined && seq > this.at && (this.session.store?.position ?? 0) > this.at) {
      this.session.seek(this.at);
    }
  }
}
