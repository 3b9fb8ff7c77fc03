/**
 * The quiz as plain text (the narrated log with --quiz, and the tour without
 * a terminal): a question with its numbered choices, the verdict with the
 * rule, the score. Lines are wrapped to 80 cells (measured in terminal cells,
 * not characters), so the lesson reads the same in any terminal or file.
 */
import wrapAnsi from "wrap-ansi";
import type { Palette } from "../views/style.js";
import type { Answered, Question } from "./question.js";
import type { Score } from "./score.js";

export const TEXT_WIDTH = 80;

/** `text` wrapped to `width` cells, every line indented by `indent` (the first by `first`, if given). */
export function wrap(text: string, indent: string, width = TEXT_WIDTH, first = indent): string[] {
  const lines = wrapAnsi(text, width - indent.length, { hard: true, trim: true }).split("\n");
  return lines.map((line, i) => `${i === 0 ? first : indent}${line}`);
}

/** The prompt and choices of a question. */
export function questionText(question: Question, title: string, style: Palette): string[] {
  const lines = [style.bold(`? ${title}`), ...wrap(question.prompt, "  ")];
  question.choices.forEach((choice, i) => {
    lines.push(...wrap(choice.text, "       ", TEXT_WIDTH, `    ${i + 1}) `));
  });
  return lines;
}

/** The line that asks for the answer (the answer itself follows on the same line). */
export function answerPrompt(question: Question): string {
  return `  Your answer (1–${question.choices.length}): `;
}

/** Right or wrong (or unanswered), the right choice, and the rule in two lines. */
export function verdictText(answered: Answered, rule: readonly string[], style: Palette): string[] {
  const { question, choice } = answered;
  const right = question.choices[question.correct]?.text ?? "";
  const key = question.correct + 1;
  const head =
    choice === question.correct
      ? style.hint(`✔ Right: ${right}.`)
      : choice === null
        ? style.warn(`– No answer. ${key}) is right: ${right}.`)
        : style.error(`✘ Wrong: ${key}) is right: ${right}.`);
  return [...wrap(head, "  ", TEXT_WIDTH, ""), ...rule.flatMap((line) => wrap(line, "  "))];
}

/** The score, and per rule. */
export function scoreText(s: Score, style: Palette): string[] {
  if (s.asked === 0) return [style.bold("No questions were asked.")];
  const head = `Score: ${s.right}/${s.asked} right${s.unanswered > 0 ? ` (${s.unanswered} unanswered)` : ""}.`;
  return [
    style.bold(head),
    ...s.rules.map((r) => `  ${r.right === r.asked ? "✔" : "✘"} ${r.name}: ${r.right}/${r.asked}`),
  ];
}
