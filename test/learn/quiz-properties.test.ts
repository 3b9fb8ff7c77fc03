// Property: for random task-tree programs (test/support/task-programs.ts), every question the quiz makes is
// right about the program — its marked answer holds in an independent run of the same program (a bare
// Runner, no session, no quiz) and none of its distractors does — and quizzing a run does not change it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Runner, type RuntimeEvent } from "../../src/index.js";
import { listAnswers } from "../../src/learn/answers.js";
import { evaluate } from "../../src/learn/claims.js";
import { generateQuestions } from "../../src/learn/generate.js";
import type { Question } from "../../src/learn/question.js";
import { runStreamQuiz } from "../../src/learn/quiz-stream-run.js";
import { numbered, type RunRecord } from "../../src/learn/record.js";
import { defineScenario } from "../../src/runtime/scenario.js";
import { Session } from "../../src/session/session.js";
import { type Node, programMain, programs } from "../support/task-programs.js";
import { record } from "./support.js";

function asScenario(root: Node) {
  return defineScenario({
    name: "program",
    title: "a random program",
    summary: "",
    explain: "",
    params: {},
    main: programMain(root),
  });
}

/** The program alone: a fresh Runner, every event heard, closed like asyncio.run; status as the CLI gives it. */
async function independentRun(root: Node): Promise<RunRecord> {
  const events: RuntimeEvent[] = [];
  const runner = new Runner({ output: () => {}, errorOutput: () => {}, onEvent: (e) => events.push(e) });
  let status = 0;
  try {
    await runner.run(programMain(root)());
  } catch {
    status = 1;
  }
  await runner.close();
  // A wall-time warning (a step slowed by a busy machine) has no seq: not part of the replayable run.
  return { events: numbered(events), status };
}

function problems(questions: readonly Question[], run: RunRecord): string[] {
  const bad: string[] = [];
  for (const q of questions) {
    const right = evaluate(q.choices[q.correct]!.claim, run);
    if (!right.holds)
      bad.push(`q at ${q.at} (${q.rule}): the marked answer does not hold: ${q.choices[q.correct]?.text}`);
    else if (right.witness !== q.answer)
      bad.push(`q at ${q.at} (${q.rule}): answered by ${right.witness}, not ${q.answer}`);
    q.choices.forEach((c, i) => {
      if (i !== q.correct && evaluate(c.claim, run).holds)
        bad.push(`q at ${q.at} (${q.rule}): distractor holds: ${c.text}`);
    });
    if (q.choices.length < 3 || q.choices.length > 4) bad.push(`q at ${q.at}: ${q.choices.length} choices`);
    if (!(q.at < q.answer)) bad.push(`q at ${q.at}: answered at ${q.answer}, not after`);
  }
  return bad;
}

describe("questions generated from random programs", () => {
  it("have their marked answer, and only it, hold in an independent run of the program", async () => {
    let asked = 0;
    await fc.assert(
      fc.asyncProperty(
        programs({ foreign: false }),
        fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 60 }),
        async (root, answers) => {
          const scenario = asScenario(root);
          const foresight = await record(scenario);
          const generated = generateQuestions(foresight);
          expect(generated.inconsistent).toEqual([]);
          // The quiz on a live run of the program, answering at random (every question asked).
          const session = new Session(scenario, { params: {}, speed: Number.POSITIVE_INFINITY });
          const view = {
            event() {},
            ask: async (q: Question) => ((await source.next(q.choices.length)) ?? 1) - 1,
            verdict() {},
          };
          const source = listAnswers(answers);
          const quiz = await runStreamQuiz(session, foresight, view, { every: 1 });
          expect(quiz.diverged).toBeUndefined();
          asked += quiz.answered.length;
          const independent = await independentRun(root);
          expect(independent.status).toBe(quiz.result.status);
          expect(problems(generated.questions, independent)).toEqual([]);
          // What was asked was generated, in the run's order; the first question is always asked.
          const key = (q: Question) => `${q.situation}@${q.at}`;
          const keys = generated.questions.map(key);
          const askedKeys = quiz.answered.map((a) => key(a.question));
          expect(askedKeys.map((k) => keys.indexOf(k))).toEqual(
            askedKeys.map((k) => keys.indexOf(k)).sort((a, b) => a - b),
          );
          expect(askedKeys.every((k) => keys.includes(k))).toBe(true);
          if (keys.length > 0) expect(askedKeys[0]).toBe(keys[0]);
        },
      ),
      { seed: 13, numRuns: 200 },
    );
    // Not a vacuous pass: the programs do make questions.
    expect(asked).toBeGreaterThan(200);
  });
});
