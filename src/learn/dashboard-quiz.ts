/**
 * `--quiz` in the dashboard. The questions come from a replay of the run (its
 * future: foresee.ts). As the live run reaches the events that answer a
 * question, the view is held just before them (the session's history: the
 * engine may run on to its next boundary, the screen does not) and the
 * question opens; keys 1–4 answer it. The view then moves on to the answering
 * event, highlighted, with the verdict; Enter (or space, →, n) goes on.
 *
 * Every other key keeps working: q and Ctrl-C, and the commands — a command
 * given while a question is open acts on the state shown, as always, and
 * branches the run. Each live event is checked against the replay; once they
 * part, the open question is dropped and the questions that follow come from
 * a replay of the branched run (`refresh`), or stop if there is none.
 */

import type { RuntimeEvent } from "../runtime/runtime-events.js";
import { card, choiceParagraphs, type Paragraph } from "./card.js";
import { generateQuestions } from "./generate.js";
import { ViewHold } from "./hold.js";
import { barLine, type DashboardOverlay, type FrameOverlay, goesOn, type KeyPress, Versioned } from "./overlay.js";
import type { Answered, Question } from "./question.js";
import type { RunRecord } from "./record.js";
import { RULES } from "./rules.js";
import { type Score, score } from "./score.js";
import { type Selection, selectQuestions } from "./select.js";
import { at } from "./wording.js";

/** What the quiz needs of the dashboard's session (the Session itself fits). */
export interface QuizSession {
  onEvent(listener: (event: RuntimeEvent, hint: string | undefined) => void): () => void;
  onEnd(listener: (result: { status: number }) => void): () => void;
  /** Show the state after event `position` (pauses the run). */
  seek(position: number): void;
  /** Pause the run where it is. */
  pause(): void;
  /** Play on from the state shown. */
  resume(): void;
  readonly store: { readonly head: number; readonly position: number; publish(): void } | undefined;
}

type State =
  | { kind: "playing" }
  | { kind: "asking"; question: Question; n: number }
  | { kind: "revealing"; question: Question; n: number; choice: number }
  | { kind: "verdict"; question: Question; n: number; choice: number }
  | { kind: "score"; score: Score }
  | { kind: "stopped"; why: string };

export class DashboardQuiz extends Versioned implements DashboardOverlay {
  private state: State = { kind: "playing" };
  private questions: Question[];
  private next = 0;
  private asked = 0;
  private foresight: RunRecord;
  private ended = false;
  private refreshing = false;
  private readonly view: ViewHold;
  readonly answered: Answered[] = [];
  /** The scenario's hints state the rules the questions ask about: the log leaves them out. */
  readonly hideHints = true;

  constructor(
    private readonly session: QuizSession,
    foresight: RunRecord,
    private readonly selection: Selection,
    /** A replay of the run as it is now (with the commands given): the look ahead after a branch. */
    private readonly refresh?: () => Promise<RunRecord>,
  ) {
    super(() => session.store?.publish());
    this.view = new ViewHold(session);
    this.foresight = foresight;
    this.questions = selectQuestions(generateQuestions(foresight).questions, selection);
    session.onEvent((event) => this.heard(event));
    session.onEnd(() => {
      this.ended = true;
      this.maybeScore();
    });
  }

  /** The score so far (the CLI prints it after the dashboard closes). */
  get score(): Score {
    return score(this.answered);
  }

  // ------------------------------------------------------------- the run

  private heard(event: RuntimeEvent): void {
    if (typeof event.seq !== "number") return;
    const foreseen = this.foresight.events[event.seq - 1];
    if (foreseen === undefined || JSON.stringify(foreseen) !== JSON.stringify(event)) {
      // Parted first: a view held on the old run must not pull the branched one back.
      this.parted();
      return;
    }
    this.view.heard(event.seq);
    const state = this.state;
    if (state.kind === "playing") {
      const q = this.due(event.seq - 1);
      if (q !== undefined && event.seq > q.at) this.ask(q, Math.max(q.at, this.shown() - 1));
    } else if (state.kind === "revealing" && event.seq === state.question.answer) {
      this.view.hold(state.question.answer);
      this.state = { kind: "verdict", question: state.question, n: state.n, choice: state.choice };
      this.changed();
    }
  }

  /** The live run is no longer the replayed one (a command branched it): what was asked about it is void. */
  private parted(): void {
    this.view.release();
    if (this.state.kind === "asking" || this.state.kind === "revealing") this.asked--;
    if (this.state.kind !== "score") this.state = { kind: "playing" };
    this.questions = [];
    this.next = 0;
    if (this.refresh === undefined) {
      this.state = { kind: "stopped", why: "the run branched: no more questions (there is no replay of it)" };
      this.changed();
      return;
    }
    if (this.refreshing) return;
    this.refreshing = true;
    void this.refresh().then(
      (record) => {
        this.refreshing = false;
        this.foresight = record;
        // Questions the branched run has already passed are not asked.
        const shown = this.shown();
        this.questions = selectQuestions(generateQuestions(record).questions, this.selection).filter(
          (q) => q.answer > shown,
        );
        this.next = 0;
        this.changed();
      },
      () => {
        this.refreshing = false;
        this.state = { kind: "stopped", why: "the run branched, and its future cannot be replayed: no more questions" };
        this.changed();
      },
    );
  }

  /** The next question not yet passed by the view at `position`. */
  private due(position: number): Question | undefined {
    for (;;) {
      const q = this.questions[this.next];
      if (q === undefined) return undefined;
      if (q.answer <= position) {
        this.next++;
        continue;
      }
      return q;
    }
  }

  /** `t=1.0`: the loop time where the question is asked. */
  private timeOf(q: Question): string {
    return at(this.foresight.events[q.at - 1]?.time ?? 0);
  }

  private shown(): number {
    return this.session.store?.position ?? 0;
  }

  private head(): number {
    return this.session.store?.head ?? 0;
  }

  private ask(question: Question, position: number): void {
    this.next++;
    this.view.hold(position);
    this.state = { kind: "asking", question, n: ++this.asked };
    this.changed();
  }

  // ------------------------------------------------------------- keys

  onKey(press: KeyPress): boolean {
    if (press.ctrl || press.meta) return false;
    const input = press.input;
    const state = this.state;
    if (state.kind === "asking") {
      const n = Number(input);
      if (Number.isInteger(n) && n >= 1 && n <= state.question.choices.length) {
        this.answer(state.question, state.n, n - 1);
        return true;
      }
      // Moving the view on would show the answer before it is given.
      return goesOn(press);
    }
    if (state.kind === "verdict") {
      if (goesOn(press)) {
        this.goOn();
        return true;
      }
      return false;
    }
    return false;
  }

  private answer(question: Question, n: number, choice: number): void {
    this.answered.push({ question, choice });
    if (this.head() >= question.answer) {
      this.view.hold(question.answer);
      this.state = { kind: "verdict", question, n, choice };
    } else {
      // Not received yet: play on until it comes (heard() holds the view there).
      this.view.release();
      if (this.shown() < this.head()) this.session.seek(this.head());
      this.session.resume();
      this.state = { kind: "revealing", question, n, choice };
    }
    this.changed();
  }

  private goOn(): void {
    const position = this.shown();
    const q = this.due(position);
    if (q !== undefined && q.at <= this.head()) {
      // Its question point has been received already: ask there (or here, if the view is past it).
      this.ask(q, Math.max(q.at, position));
      return;
    }
    this.state = { kind: "playing" };
    this.view.release();
    if (position < this.head()) this.session.seek(this.head());
    if (!this.ended) this.session.resume();
    this.maybeScore();
    this.changed();
  }

  private maybeScore(): void {
    if (this.ended && this.state.kind === "playing" && this.shown() >= this.head()) {
      this.state = { kind: "score", score: this.score };
      this.changed();
    }
  }

  // ------------------------------------------------------------- drawing

  draw(width: number): FrameOverlay | null {
    const state = this.state;
    switch (state.kind) {
      case "playing":
        return null;
      case "stopped":
        return { lines: card("Quiz", [{ text: state.why, style: { dim: true } }], width), bar: null, highlight: null };
      case "asking": {
        const q = state.question;
        const lines = card(
          `Question ${state.n} · ${this.timeOf(q)}`,
          [{ text: q.prompt }, ...choiceParagraphs(q)],
          width,
        );
        return {
          lines,
          bar: barLine([`1–${q.choices.length} answer`, "q quit", "Ctrl-C the program's Ctrl-C"]),
          highlight: null,
        };
      }
      case "revealing": {
        const chosen = state.question.choices[state.choice]?.text ?? "";
        const text = `Your answer: ${state.choice + 1}, ${chosen}. Playing on to the event that settles it…`;
        return {
          lines: card(`Question ${state.n}`, [{ text, style: { dim: true } }], width),
          bar: null,
          highlight: null,
        };
      }
      case "verdict":
        return {
          lines: verdictCard(
            `Question ${state.n}`,
            state.question,
            state.choice,
            RULES[state.question.rule].lines,
            width,
          ),
          bar: barLine(["Enter go on", "q quit"]),
          highlight: state.question.answer,
        };
      case "score":
        return { lines: scoreCard(state.score, width), bar: null, highlight: null };
    }
  }
}

/** Right or wrong, the choices marked, and the rule. */
export function verdictCard(
  title: string,
  question: Question,
  choice: number | null,
  rule: readonly string[],
  width: number,
  more: readonly Paragraph[] = [],
): ReturnType<typeof card> {
  const right = choice === question.correct;
  const head = right ? `✔ Right · ${title}` : `✘ Wrong · ${title}`;
  const tone = right ? { color: "green" as const } : { color: "red" as const };
  return card(
    head,
    [
      ...choiceParagraphs(question, { right: question.correct, chosen: choice }),
      ...rule.map((text) => ({ text, style: { bold: true } })),
      ...more,
    ],
    width,
    tone,
  );
}

export function scoreCard(s: Score, width: number): ReturnType<typeof card> {
  const rules: Paragraph[] = s.rules.map((r) => ({
    text: `${r.name}: ${r.right}/${r.asked}`,
    lead: r.right === r.asked ? "✔ " : "✘ ",
  }));
  const head = s.asked === 0 ? "No questions were asked." : `${s.right}/${s.asked} right.`;
  return card("Score", [{ text: head, style: { bold: true } }, ...rules], width);
}
