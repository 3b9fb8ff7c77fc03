/**
 * The question model shared by the quiz (`--quiz`, questions generated from a
 * run) and the tour (questions written for the tutorial's programs): a prompt,
 * 3–4 choices each carrying a claim about the run, and which one holds.
 */
import type { Claim } from "./claims.js";
import type { RuleId } from "./rules.js";

export interface Choice {
  /** What the learner reads after the key number. */
  text: string;
  /** What the run must show for this choice to be right. */
  claim: Claim;
}

export interface Question {
  /** Same situation, same answer: asked once (three tasks cancelled alike at one instant make one question). */
  situation: string;
  rule: RuleId;
  /** Ask once the run has been shown up to this event (0: before the run). */
  at: number;
  /** The event that answers it: the right choice's witness; shown and highlighted with the verdict. */
  answer: number;
  /** One or two short sentences ending with the question. */
  prompt: string;
  choices: readonly Choice[];
  /** Index of the right choice (0-based; keys are 1-based). */
  correct: number;
}

/** How a learner answered one question. */
export interface Answered {
  question: Question;
  /** The chosen index (0-based), or null when no answer came (answers ran out). */
  choice: number | null;
}

export const isRight = (a: Answered) => a.choice === a.question.correct;
