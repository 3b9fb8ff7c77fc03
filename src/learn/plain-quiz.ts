/**
 * `--quiz` with the narrated log: the plain view's lines (without the
 * scenario's hints, which would give answers away), and before the
 * events that answer a question, the question; the answer comes from
 * `--answers` or a line of stdin; once the answering event is in the log, the
 * verdict and its rule; at the end, after the plain view's summary, the score.
 */
import { fixed } from "../runtime/format.js";
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import type { ScenarioInfo } from "../session/session.js";
import { plainView } from "../views/plain.js";
import type { Palette } from "../views/style.js";
import type { AnswerSource } from "./answers.js";
import type { Answered, Question } from "./question.js";
import { RULES } from "./rules.js";
import { score } from "./score.js";
import type { StreamQuizView } from "./stream-quiz.js";
import { answerPrompt, questionText, scoreText, verdictText } from "./text.js";

/** Ask `question` on `out` and read its answer from `answers` (echoed when it was not typed). */
export async function askInText(
  question: Question,
  title: string,
  answers: AnswerSource,
  out: (text: string) => void,
  style: Palette,
): Promise<number | null> {
  for (const line of questionText(question, title, style)) out(`${line}\n`);
  out(answerPrompt(question));
  const answer = await answers.next(question.choices.length);
  if (answers.echo || answer === null) out(`${answer ?? "(no answer)"}\n`);
  return answer === null ? null : answer - 1;
}

export interface PlainQuiz extends StreamQuizView {
  /** The run ended: the plain view's summary, then the score. */
  finish(status: number, answered: readonly Answered[]): void;
}

/** `out` writes text as is (the answer prompt stays on its line); lines get their newline here. */
export function plainQuizView(
  info: ScenarioInfo,
  out: (text: string) => void,
  style: Palette,
  answers: AnswerSource,
): PlainQuiz {
  let blank = false;
  // One blank line between blocks, however many of them end or start with one.
  const line = (text: string) => {
    if (text === "" && blank) return;
    blank = text === "";
    out(`${text}\n`);
  };
  const plain = plainView(info, line, style);
  let time = 0;
  return {
    event(event: RuntimeEvent) {
      time = event.time;
      // The scenario's hints state the rules the questions ask about: with the quiz, the verdicts say them.
      plain.event(event, undefined);
    },
    ask(question, n) {
      line("");
      return askInText(question, `Question ${n} · t=${fixed(time, 3)}`, answers, out, style);
    },
    verdict(answered) {
      for (const text of verdictText(answered, RULES[answered.question.rule].lines, style)) line(text);
      line("");
    },
    finish(status, answered) {
      plain.finish(status);
      line("");
      for (const text of scoreText(score(answered), style)) line(text);
    },
  };
}
