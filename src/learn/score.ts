/**
 * The score: right answers out of questions asked, and the same per rule, so
 * that a learner sees which rule to revisit ("cancelled vs swallowed 1/3").
 */
import { type Answered, isRight } from "./question.js";
import { RULES } from "./rules.js";

export interface RuleScore {
  /** The rule's name (rules sharing a name count together). */
  name: string;
  right: number;
  asked: number;
}

export interface Score {
  right: number;
  asked: number;
  /** Questions that got no answer (the answers ran out). */
  unanswered: number;
  /** Per rule, in the order the rules were first asked about. */
  rules: RuleScore[];
}

export function score(answers: readonly Answered[]): Score {
  const rules = new Map<string, RuleScore>();
  let right = 0;
  let unanswered = 0;
  for (const a of answers) {
    const name = RULES[a.question.rule].name;
    const entry = rules.get(name) ?? { name, right: 0, asked: 0 };
    entry.asked++;
    if (isRight(a)) {
      entry.right++;
      right++;
    }
    if (a.choice === null) unanswered++;
    rules.set(name, entry);
  }
  return { right, asked: answers.length, unanswered, rules: [...rules.values()] };
}
