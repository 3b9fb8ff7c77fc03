/**
 * `--quiz --json`: the JSON event stream with the quiz in it, so a teacher can
 * collect results. Three more line types, numbered in the same `seq` sequence
 * as the runtime events (so, with --quiz only, a runtime event's seq counts
 * the quiz lines before it too):
 *
 *   quiz-question  question (1, 2…), rule, text, choices
 *   quiz-answer    question, choice (1-based, or null), correct, right, event (seq of the answering event),
 *                  text (the verdict), rule (its two lines)
 *   quiz-score     right, asked, unanswered, rules [{name, right, asked}] — just before the exit line
 *
 * Answers come from --answers or stdin lines; nothing is prompted (stdout stays JSON).
 */
import type { RuntimeEvent } from "../runtime/runtime-events.js";
import { jsonView } from "../views/json.js";
import type { AnswerSource } from "./answers.js";
import type { Answered } from "./question.js";
import { RULES } from "./rules.js";
import { score } from "./score.js";
import type { StreamQuizView } from "./stream-quiz.js";

export interface JsonQuiz extends StreamQuizView {
  finish(status: number, answered: readonly Answered[]): void;
}

export function jsonQuizView(write: (line: string) => void, answers: AnswerSource): JsonQuiz {
  const json = jsonView(write);
  let seq = 0;
  let time = 0;
  const line = (fields: Record<string, unknown>) => {
    const { type, ...rest } = fields;
    write(JSON.stringify({ type, seq: ++seq, time, ...rest }));
  };
  return {
    event(event: RuntimeEvent, hint: string | undefined) {
      if (typeof event.seq !== "number") {
        json.event(event, hint);
        return;
      }
      time = event.time;
      json.event({ ...event, seq: ++seq }, hint);
    },
    async ask(question, n) {
      line({
        type: "quiz-question",
        question: n,
        rule: question.rule,
        text: question.prompt,
        choices: question.choices.map((c) => c.text),
      });
      const answer = await answers.next(question.choices.length);
      return answer === null ? null : answer - 1;
    },
    verdict({ question, choice }, n) {
      const right = choice === question.correct;
      const key = question.correct + 1;
      const correctText = question.choices[question.correct]?.text ?? "";
      line({
        type: "quiz-answer",
        question: n,
        choice: choice === null ? null : choice + 1,
        correct: key,
        right,
        // The answering event was the line just written.
        event: seq,
        text: right
          ? `Right: ${correctText}.`
          : `${choice === null ? "No answer" : "Wrong"}: ${key}) is right: ${correctText}.`,
        rule: RULES[question.rule].lines,
      });
    },
    finish(status, answered) {
      const s = score(answered);
      line({ type: "quiz-score", right: s.right, asked: s.asked, unanswered: s.unanswered, rules: s.rules });
      json.finish(status);
    },
  };
}
