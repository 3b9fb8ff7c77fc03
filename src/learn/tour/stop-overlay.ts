/**
 * One stop of the tour in the dashboard. Before the run: the tutorial's claim
 * and the prediction (keys 1–4). Then the run plays; the first event at which
 * the right choice's claim holds — checked on the events so far, so it also
 * works after the learner's own Ctrl-C — holds the view there, highlighted,
 * with the verdict: Enter goes to the next stop, f to the corrected variant,
 * r runs the stop again, q leaves the tour (status 0). A stop that needs
 * Ctrl-C pauses once the tasks are running and asks for it; Ctrl-C is the
 * program's Ctrl-C (a second one exits at once, status 130, as always).
 */
import type { NumberedEvent, RuntimeEvent } from "../../runtime/runtime-events.js";
import { card, choiceParagraphs, type Paragraph } from "../card.js";
import { type Anchor, anchorOf, type Claim, evaluate } from "../claims.js";
import { type QuizSession, scoreCard, verdictCard } from "../dashboard-quiz.js";
import { ViewHold } from "../hold.js";
import { barLine, type DashboardOverlay, type FrameOverlay, goesOn, type KeyPress, Versioned } from "../overlay.js";
import type { Answered } from "../question.js";
import { numbered, type RunRecord } from "../record.js";
import type { Score } from "../score.js";
import { judge, stopCardTitle, stopQuestion } from "./lesson.js";
import { STOPS, type Stop } from "./stops.js";

/** How the learner left the stop. */
export type StopExit = "next" | "fix" | "again" | "quit";

type State =
  | { kind: "question" }
  | { kind: "playing"; choice: number }
  | { kind: "ctrl-c"; choice: number; nudged: boolean }
  | { kind: "verdict"; choice: number; answer: number }
  | { kind: "unjudged"; choice: number; why: string }
  | { kind: "score"; score: Score };

export class StopOverlay extends Versioned implements DashboardOverlay {
  private state: State = { kind: "question" };
  private readonly stop: Stop;
  /** The live run's events by seq (a branch replays them from the start: they overwrite). */
  private readonly events: NumberedEvent[] = [];
  private prompted = false;
  /** The run's exit status once it has ended (a fast run may end while the prediction is asked). */
  private endStatus: number | undefined;
  private readonly view: ViewHold;
  private host: { leave(status: number, clear?: boolean): void } | undefined;
  /** How the learner left; undefined if the dashboard ended by itself (q, Ctrl-C twice). */
  exit: StopExit | undefined;
  /** The learner's answer, once the run has judged it. */
  answered: Answered | undefined;

  constructor(
    private readonly session: QuizSession,
    readonly index: number,
    /** The stop with the corrected variant, if not yet done. */
    private readonly fix: number | undefined,
    /** After the last stop's verdict: the tour's score (Enter shows it). */
    private readonly finalScore?: (answered: Answered) => Score,
  ) {
    super(() => session.store?.publish());
    this.stop = STOPS[index] as Stop;
    this.view = new ViewHold(session);
    session.onEvent((event) => this.heard(event));
    session.onEnd((result) => {
      this.endStatus = result.status;
      this.ended(result.status);
    });
  }

  attach(host: { leave(status: number, clear?: boolean): void }): void {
    this.host = host;
  }

  // ------------------------------------------------------------- the run

  private heard(event: RuntimeEvent): void {
    if (event.seq === undefined) return;
    this.events[event.seq - 1] = event;
    this.events.length = event.seq;
    const state = this.state;
    // The learner's Ctrl-C: the run goes on from the prompt (the view no longer held there).
    if (state.kind === "ctrl-c" && event.type === "interrupt") this.view.release();
    this.view.heard(event.seq);
    if (state.kind === "question") {
      // Hold the run at its start while the learner predicts (its tasks made, as the engine stops).
      if (event.seq === 1) this.session.pause();
      return;
    }
    if (state.kind === "ctrl-c" && event.type === "interrupt") {
      this.state = { kind: "playing", choice: state.choice };
      this.changed();
      return;
    }
    if (state.kind !== "playing") return;
    const ctrlC = this.stop.ctrlC;
    if (ctrlC !== undefined && !this.prompted && this.reached(ctrlC.after, event.seq)) {
      this.prompted = true;
      // Held here (the run paused): the Ctrl-C acts on the state shown, as every key does.
      this.view.hold(event.seq);
      this.state = { kind: "ctrl-c", choice: state.choice, nudged: false };
      this.changed();
      return;
    }
    const settled = evaluate(this.rightClaim(), { events: this.events, status: Number.NaN });
    if (settled.holds && settled.witness === event.seq) this.verdict(state.choice, event.seq);
  }

  /** Whether `seq` is the anchor's event in the run so far. */
  private reached(anchor: Anchor, seq: number): boolean {
    return anchorOf(numbered(this.events), anchor) === seq;
  }

  private ended(status: number): void {
    const state = this.state;
    if (state.kind !== "playing" && state.kind !== "ctrl-c") return;
    const run: RunRecord = { events: numbered(this.events), status };
    const judged = judge(this.stop, run);
    if (judged.ok) this.verdict(state.choice, judged.question.answer);
    else {
      this.state = { kind: "unjudged", choice: state.choice, why: judged.reason };
      this.changed();
    }
  }

  private verdict(choice: number, answer: number): void {
    this.view.hold(answer);
    this.answered = { question: { ...stopQuestion(this.stop), answer }, choice };
    this.state = { kind: "verdict", choice, answer };
    this.changed();
  }

  // ------------------------------------------------------------- keys

  onKey(press: KeyPress): boolean {
    if (press.ctrl || press.meta) return false;
    const input = press.input;
    const state = this.state;
    if (input === "q") {
      this.leave("quit");
      return true;
    }
    const goOn = goesOn(press);
    switch (state.kind) {
      case "question": {
        const n = Number(input);
        if (Number.isInteger(n) && n >= 1 && n <= this.stop.choices.length) {
          this.play(n - 1);
          return true;
        }
        // Nothing else moves the run before the prediction is made.
        return goOn || /^[1-9]$/.test(input);
      }
      case "ctrl-c":
        if (goOn) {
          this.state = { ...state, nudged: true };
          this.changed();
          return true;
        }
        return false;
      case "verdict":
      case "unjudged":
        if (goOn) {
          if (this.finalScore !== undefined && this.answered !== undefined) {
            this.state = { kind: "score", score: this.finalScore(this.answered) };
            this.changed();
          } else this.leave("next");
          return true;
        }
        if (input === "f" && this.fix !== undefined) {
          this.leave("fix");
          return true;
        }
        if (input === "r") {
          this.leave("again");
          return true;
        }
        return false;
      case "score":
        if (goOn) this.leave("next");
        return goOn;
      case "playing":
        return false;
    }
  }

  /** The prediction is made: play on — unless the events received while it was asked already hold the prompt. */
  private play(choice: number): void {
    const ctrlC = this.stop.ctrlC;
    const anchor = ctrlC === undefined ? undefined : anchorOf(numbered(this.events), ctrlC.after);
    if (anchor !== undefined && !this.prompted) {
      this.prompted = true;
      this.view.hold(anchor);
      this.state = { kind: "ctrl-c", choice, nudged: false };
    } else {
      this.state = { kind: "playing", choice };
      // The events received while the prediction was asked may already settle it (a fast run, or one that ended).
      const settled = evaluate(this.rightClaim(), { events: numbered(this.events), status: Number.NaN });
      if (settled.holds && settled.witness !== undefined) this.verdict(choice, settled.witness);
      else if (this.endStatus !== undefined) this.ended(this.endStatus);
      else {
        // Back to the newest event if the learner looked back; an answer typed before the first event needs none.
        const store = this.session.store;
        if (store !== undefined && store.position < store.head) this.session.seek(store.head);
        this.session.resume();
      }
    }
    this.changed();
  }

  private rightClaim(): Claim {
    return this.stop.choices[this.stop.correct]?.claim as Claim;
  }

  private leave(exit: StopExit): void {
    this.exit = exit;
    // Leaving for another stop, the frame is erased; leaving the tour, the last frame stays on screen.
    this.host?.leave(0, exit !== "quit");
  }

  // ------------------------------------------------------------- drawing

  draw(width: number): FrameOverlay | null {
    const stop = this.stop;
    const state = this.state;
    const question = stopQuestion(stop);
    const title = stopCardTitle(this.index);
    switch (state.kind) {
      case "question":
        return {
          lines: card(
            title,
            [{ text: stop.claim, style: { dim: true } }, { text: stop.question }, ...choiceParagraphs(question)],
            width,
          ),
          bar: barLine([`1–${stop.choices.length} your prediction`, "q leave the tour"]),
          highlight: null,
        };
      case "playing": {
        const chosen = stop.choices[state.choice]?.text ?? "";
        return {
          lines: card(
            title,
            [{ text: `Your prediction: ${state.choice + 1}, ${chosen}. Watch the run.`, style: { dim: true } }],
            width,
          ),
          bar: null,
          highlight: null,
        };
      }
      case "ctrl-c": {
        const prompt: Paragraph[] = [{ text: stop.ctrlC?.prompt ?? "Press Ctrl-C now.", style: { bold: true } }];
        if (state.nudged)
          prompt.push({ text: "This stop needs the Ctrl-C: press it to go on.", style: { color: "yellow" } });
        return {
          lines: card(title, prompt, width, { color: "yellow" }),
          bar: barLine(["Ctrl-C the program's Ctrl-C", "q leave the tour"]),
          highlight: null,
        };
      }
      case "verdict": {
        return {
          lines: verdictCard(title, { ...question, answer: state.answer }, state.choice, stop.verdict, width),
          bar: barLine(this.keys()),
          highlight: state.answer,
        };
      }
      case "unjudged":
        return {
          lines: card(title, [{ text: `No verdict: ${state.why}.`, style: { color: "yellow" } }], width, {
            color: "yellow",
          }),
          bar: barLine(["r run it again", "Enter next stop", "q leave the tour"]),
          highlight: null,
        };
      case "score":
        return { lines: scoreCard(state.score, width), bar: barLine(["Enter leave the tour"]), highlight: null };
    }
  }

  private keys(): string[] {
    const keys = [this.finalScore === undefined ? "Enter next stop" : "Enter your score"];
    if (this.fix !== undefined) keys.push(`f the fix: ${STOPS[this.fix]?.scenario}`);
    return [...keys, "r again", "q leave the tour"];
  }
}
