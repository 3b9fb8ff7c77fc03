// The quiz over the narrated log, in this thread: questions come before their answering events, verdicts
// right after them, the score at the end; the run is the one the questions were made from.
import { describe, expect, it } from "vitest";
import { listAnswers } from "../../src/learn/answers.js";
import { jsonQuizView } from "../../src/learn/json-quiz.js";
import { plainQuizView } from "../../src/learn/plain-quiz.js";
import { runStreamQuiz } from "../../src/learn/quiz-stream-run.js";
import { defaultParams } from "../../src/session/params.js";
import { Session } from "../../src/session/session.js";
import { palette } from "../../src/views/style.js";
import { record, scenario } from "./support.js";

function session(name: string, interruptAt?: number) {
  const s = scenario(name);
  return new Session(s, {
    params: defaultParams(s),
    speed: Number.POSITIVE_INFINITY,
    script: { cancels: [], interruptAt },
  });
}

describe("the quiz over the narrated log", () => {
  it("asks before the answering event, gives the verdict right after it, and scores", async () => {
    const foresight = await record("cancel");
    let text = "";
    const view = plainQuizView(scenario("cancel"), (t) => (text += t), palette(false), listAnswers([1, 1, 1, 2]));
    const run = await runStreamQuiz(session("cancel"), foresight, view, {});
    view.finish(run.result.status, run.answered);
    expect(run.diverged).toBeUndefined();
    expect(run.answered.map((a) => a.choice)).toEqual([0, 0, 0, 1]);
    const lines = text.split("\n");
    const ask = lines.findIndex((l) => l.startsWith("? Question 1"));
    const delivered = lines.findIndex((l) => l.includes("CancelledError() raised in long_running_task"));
    const verdict = lines.findIndex((l) => l.startsWith("✔ Right: CancelledError is raised in it now"));
    expect(ask).toBeGreaterThan(0);
    expect(delivered).toBeGreaterThan(ask);
    expect(verdict).toBe(delivered + 1);
    // The except block's print comes after the question about how the task ends.
    const ends = lines.findIndex((l) => l.startsWith("? Question 2"));
    expect(lines.findIndex((l) => l.includes("» Task was cancelled"))).toBeGreaterThan(ends);
    expect(text).toContain("Your answer (1–3): 1\n");
    expect(lines.at(-1)).toBe("");
    expect(text).toMatch(/Score: \d\/4 right\./);
  });

  it("counts questions left without an answer when the answers run out", async () => {
    const foresight = await record("cancel");
    let text = "";
    const view = plainQuizView(scenario("cancel"), (t) => (text += t), palette(false), listAnswers([]));
    const run = await runStreamQuiz(session("cancel"), foresight, view, {});
    view.finish(run.result.status, run.answered);
    expect(run.answered.every((a) => a.choice === null)).toBe(true);
    expect(text).toContain("(no answer)");
    expect(text).toContain("– No answer.");
    expect(text).toContain(`Score: 0/${run.answered.length} right (${run.answered.length} unanswered).`);
  });

  it("numbers quiz lines in the JSON stream like every event", async () => {
    const foresight = await record("shutdown", { interruptAt: 0.5 });
    const lines: string[] = [];
    const view = jsonQuizView((l) => lines.push(l), listAnswers([2, 2, 2, 2, 2]));
    const run = await runStreamQuiz(session("shutdown", 0.5), foresight, view, {});
    view.finish(run.result.status, run.answered);
    const parsed = lines.map((l) => JSON.parse(l) as { type: string; seq?: number; event?: number; question?: number });
    const numbered = parsed.filter((p) => p.type !== "exit");
    expect(numbered.map((p) => p.seq)).toEqual(numbered.map((_, i) => i + 1));
    const answers = parsed.filter((p) => p.type === "quiz-answer");
    expect(answers.length).toBe(parsed.filter((p) => p.type === "quiz-question").length);
    for (const a of answers) {
      // `event` names the line just before the answer: the event that answered it.
      const answering = parsed.find((p) => p.seq === a.event);
      expect(answering?.type.startsWith("quiz-")).toBe(false);
    }
    expect(parsed.at(-2)?.type).toBe("quiz-score");
    expect(parsed.at(-1)).toEqual({ type: "exit", status: 0 });
  });

  it("stops asking when the live run parts from its replay", async () => {
    const foresight = await record("cancel");
    let text = "";
    const view = plainQuizView(scenario("cancel"), (t) => (text += t), palette(false), listAnswers([1, 1, 1, 1]));
    // A live run that differs: Ctrl-C at t=0.5, which the replay did not have.
    const run = await runStreamQuiz(session("cancel", 0.5), foresight, view, {});
    expect(run.diverged).toBeDefined();
    expect(run.answered).toEqual([]);
    expect(text).not.toContain("? Question");
  });
});

describe("StreamQuiz", () => {
  it("shows every event however they arrive: in one batch, one per microtask, or across timers", async () => {
    const { StreamQuiz } = await import("../../src/learn/stream-quiz.js");
    const run = await record("gather");
    for (const gap of [
      async () => {},
      () => Promise.resolve(),
      () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
    ]) {
      const shown: number[] = [];
      const quiz = new StreamQuiz(
        [],
        { event: (e) => shown.push(e.seq ?? 0), ask: async () => null, verdict: () => {} },
        { pause() {}, resume() {} },
      );
      for (const event of run.events) {
        quiz.push(event, undefined);
        await gap();
      }
      await quiz.drain();
      expect(shown).toEqual(run.events.map((e) => e.seq));
    }
  });
});
