// The cards fit an 80×24 screen without cutting text: every question the quiz asks of the built-in scenarios
// and every tour stop, measured in terminal cells; wide characters wrap by their cells too.
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { scenarios } from "../../scenarios/index.js";
import { card, cardText, choiceParagraphs } from "../../src/learn/card.js";
import { verdictCard } from "../../src/learn/dashboard-quiz.js";
import { generateQuestions } from "../../src/learn/generate.js";
import type { Question } from "../../src/learn/question.js";
import { RULES } from "../../src/learn/rules.js";
import { stopCardTitle, stopQuestion } from "../../src/learn/tour/lesson.js";
import { STOPS } from "../../src/learn/tour/stops.js";
import { record } from "./support.js";

/** Rows a question card may take at 80×24: the header, a few tasks and the key bar keep the rest. */
const MAX_ROWS = 12;

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== "");
}

function checkCard(lines: string[], texts: string[], width: number): void {
  for (const line of lines) expect(stringWidth(line)).toBe(width);
  // Every word of the texts is on the card: nothing was cut.
  const shown = words(lines.map((l) => l.slice(1, -1)).join(" "));
  for (const text of texts) for (const word of words(text)) expect(shown).toContain(word);
}

describe("question cards", () => {
  it("fit 80 columns, whole, for every question of every built-in scenario", async () => {
    const questions: Question[] = [];
    for (const s of scenarios) {
      const params: Record<string, number> = s.name === "swarm" ? { tasks: 40 } : {};
      questions.push(...generateQuestions(await record(s.name, { params })).questions);
    }
    expect(questions.length).toBeGreaterThan(50);
    for (const q of questions) {
      const ask = cardText(card("Question 12 · t=0.125", [{ text: q.prompt }, ...choiceParagraphs(q)], 80));
      checkCard(ask, [q.prompt, ...q.choices.map((c) => c.text)], 80);
      expect(ask.length).toBeLessThanOrEqual(MAX_ROWS);
      const verdict = cardText(verdictCard("Question 12", q, 0, RULES[q.rule].lines, 80));
      checkCard(verdict, [...q.choices.map((c) => c.text), ...RULES[q.rule].lines], 80);
      expect(verdict.length).toBeLessThanOrEqual(MAX_ROWS);
    }
  });

  it("fit 80 columns, whole, for every stop of the tour", () => {
    for (const [i, stop] of STOPS.entries()) {
      const q = stopQuestion(stop);
      const ask = cardText(
        card(stopCardTitle(i), [{ text: stop.claim }, { text: q.prompt }, ...choiceParagraphs(q)], 80),
      );
      checkCard(ask, [stop.claim, stop.question, ...stop.choices.map((c) => c.text)], 80);
      expect(ask.length).toBeLessThanOrEqual(MAX_ROWS);
      const verdict = cardText(verdictCard(stopCardTitle(i), q, 0, stop.verdict, 80));
      checkCard(verdict, [...stop.verdict, ...stop.choices.map((c) => c.text)], 80);
      expect(verdict.length).toBeLessThanOrEqual(MAX_ROWS);
    }
  });

  it("wrap wide characters by their cells", () => {
    const text = "任务 returned '数据已获取' 🎉 after the gather of 两个 coroutines finished at t=1.0 seconds";
    const lines = cardText(card("宽", [{ text, lead: " 1  " }], 30));
    checkCard(lines, [text], 30);
  });
});
