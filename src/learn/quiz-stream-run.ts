/**
 * Run a session with the quiz over its event stream (plain or JSON): the
 * questions come from `foresight`, a replay of the same program (same
 * parameters, same scripted commands) run to its end beforehand. Each live
 * event is checked against it; if the two runs part, the run was not
 * deterministic after all and the quiz stops asking (with a note), since its
 * answers would no longer be this run's.
 */
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import type { Session, SessionResult } from "../session/session.js";
import { generateQuestions } from "./generate.js";
import type { Answered } from "./question.js";
import type { RunRecord } from "./record.js";
import { type Selection, selectQuestions } from "./select.js";
import { StreamQuiz, type StreamQuizView } from "./stream-quiz.js";

export interface StreamQuizRun {
  result: SessionResult;
  answered: Answered[];
  /** Set when the live run parted from its replay (the quiz stopped there). */
  diverged: number | undefined;
}

export async function runStreamQuiz(
  session: Session,
  foresight: RunRecord,
  view: StreamQuizView,
  selection: Selection,
): Promise<StreamQuizRun> {
  const questions = selectQuestions(generateQuestions(foresight).questions, selection);
  const quiz = new StreamQuiz(questions, view, session);
  let diverged: number | undefined;
  session.onEvent((event, hint) => {
    if (diverged === undefined && typeof event.seq === "number" && !same(event, foresight.events[event.seq - 1])) {
      diverged = event.seq;
      quiz.stop();
    }
    quiz.push(event, hint);
  });
  const result = await session.start();
  await quiz.drain();
  return { result, answered: quiz.answered, diverged };
}

function same(a: RuntimeEvent, b: RuntimeEvent | undefined): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
