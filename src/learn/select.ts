/**
 * Which of a run's questions to ask. A run can offer a question per task
 * (a 10,000-task swarm offers thousands), so by default each rule is asked
 * about at most a few times, the first times it shows; `--quiz-every N` asks
 * instead one question in every N, spread over the whole run.
 */
import type { Question } from "./question.js";
import type { RuleId } from "./rules.js";

/** Questions per rule when no `--quiz-every` is given. */
export const PER_RULE = 3;

export interface Selection {
  /** Ask one question in every `every` (1: all of them). */
  every?: number;
}

export function selectQuestions(questions: readonly Question[], { every }: Selection = {}): Question[] {
  if (every !== undefined) return questions.filter((_, i) => i % every === 0);
  const asked = new Map<RuleId, number>();
  return questions.filter((q) => {
    const n = asked.get(q.rule) ?? 0;
    if (n >= PER_RULE) return false;
    asked.set(q.rule, n + 1);
    return true;
  });
}
