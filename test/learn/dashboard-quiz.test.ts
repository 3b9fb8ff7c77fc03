// The quiz in the dashboard, driven through a stand-in session: where the view is held while a question is
// open, the verdict on the answering event, going on, the score, and a run that branches.
import { describe, expect, it } from "vitest";
import { cardText } from "../../src/learn/card.js";
import { DashboardQuiz } from "../../src/learn/dashboard-quiz.js";
import { generateQuestions } from "../../src/learn/generate.js";
import { selectQuestions } from "../../src/learn/select.js";
import { FakeSession } from "./fake-session.js";
import { record } from "./support.js";

describe("the quiz in the dashboard", () => {
  it("holds the view before each answer, shows the verdict on it, and ends with the score", async () => {
    const run = await record("cancel");
    const questions = selectQuestions(generateQuestions(run).questions);
    const session = new FakeSession(run.events, run.status);
    const quiz = new DashboardQuiz(session, run, {});
    for (const [i, q] of questions.entries()) {
      session.run();
      const card = quiz.draw(80);
      expect(card).not.toBeNull();
      // Held before the answer: the screen shows no event that answers it.
      expect(session.position).toBeLessThan(q.answer);
      expect(session.position).toBeGreaterThanOrEqual(q.at);
      expect(cardText(card?.lines ?? []).join("\n")).toContain(`Question ${i + 1}`);
      expect(quiz.onKey({ input: String(q.correct + 1) })).toBe(true);
      session.run();
      const verdict = quiz.draw(80);
      expect(session.position).toBe(q.answer);
      expect(verdict?.highlight).toBe(q.answer);
      expect(cardText(verdict?.lines ?? [])[0]).toContain("✔ Right");
      expect(quiz.onKey({ input: "", name: "return" })).toBe(true);
    }
    session.run();
    expect(session.ended).toBe(true);
    const score = cardText(quiz.draw(80)?.lines ?? []).join("\n");
    expect(score).toContain(`${questions.length}/${questions.length} right.`);
    expect(quiz.score.right).toBe(questions.length);
  });

  it("keeps keys 1–4 for the answer and lets the others through while a question is open", async () => {
    const run = await record("cancel");
    const session = new FakeSession(run.events, run.status);
    const quiz = new DashboardQuiz(session, run, {});
    session.run();
    const open = cardText(quiz.draw(80)?.lines ?? []);
    expect(open.length).toBeGreaterThan(2);
    expect(quiz.onKey({ input: "q" })).toBe(false);
    expect(quiz.onKey({ input: "c" })).toBe(false);
    expect(quiz.onKey({ input: "", name: "c", ctrl: true })).toBe(false);
    // The view may not move on to the answer before it is given.
    expect(quiz.onKey({ input: " " })).toBe(true);
    expect(quiz.onKey({ input: "", name: "right" })).toBe(true);
    expect(quiz.onKey({ input: "9" })).toBe(false);
    expect(quiz.draw(80)?.bar?.[0]?.text).toMatch(/^1–3 answer · q quit · Ctrl-C/);
  });

  it("drops the open question when a key branches the run, and asks about the branched run", async () => {
    const run = await record("cancel");
    const branched = await record("cancel", { interruptAt: 0.5 });
    let refreshed = 0;
    const session = new FakeSession(run.events, run.status);
    const quiz = new DashboardQuiz(session, run, {}, async () => {
      refreshed++;
      return branched;
    });
    // A Ctrl-C at the start, before any question: the events part from the replay at the interrupt.
    session.seek(0);
    session.branch(branched.events, branched.status);
    const interrupt = branched.events.findIndex((e) => e.type === "interrupt") + 1;
    session.runTo(interrupt);
    await Promise.resolve();
    expect(refreshed).toBe(1);
    session.run();
    // The next question comes from the branched run: main is cancelled by the Ctrl-C.
    const prompts = generateQuestions(branched).questions.map((q) => q.prompt);
    const asked = cardText(quiz.draw(80)?.lines ?? [])
      .join(" ")
      .replace(/[│ ]+/g, " ");
    expect(prompts.some((p) => asked.includes(p.replace(/ +/g, " ").slice(0, 40)))).toBe(true);
    expect(generateQuestions(run).questions.map((q) => q.prompt)).not.toContain(
      prompts.find((p) => asked.includes(p.slice(0, 40))),
    );
  });

  it("says so and asks nothing more when a branched run has no replay", async () => {
    const run = await record("cancel");
    const other = await record("cancel", { interruptAt: 0.5 });
    const session = new FakeSession(run.events, run.status);
    const quiz = new DashboardQuiz(session, run, {});
    session.branch(other.events, other.status);
    session.run();
    expect(cardText(quiz.draw(80)?.lines ?? []).join(" ")).toContain("no more questions");
  });
});
