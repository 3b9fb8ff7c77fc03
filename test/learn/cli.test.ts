// The tour and --quiz through the real launcher (built dist/), without a terminal: the lessons line for line
// against reviewed files (test/learn/expected/; UPDATE_EXPECTED=1 rewrites them after a deliberate change),
// answers from stdin lines, and the refusals.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliEnv, expectOneLineError, root, runCli } from "../cli/run-cli.js";

function expectLines(actual: string, file: string): void {
  const path = join(root, "test", "learn", "expected", file);
  if (process.env.UPDATE_EXPECTED === "1") writeFileSync(path, actual);
  const want = readFileSync(path, "utf8").split("\n");
  const got = actual.split("\n");
  for (let i = 0; i < Math.max(want.length, got.length); i++) expect(got[i], `${file} line ${i + 1}`).toBe(want[i]);
}

/** `async-demo ARGS…` with `input` on stdin (a pipe: no terminal). */
function withInput(args: string[], input: string) {
  const result = spawnSync(process.execPath, ["bin/async-demo", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: cliEnv(),
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("async-demo tour without a terminal", () => {
  it("--plain --answers prints the whole lesson, line for line", () => {
    const result = runCli(["tour", "--plain", "--answers", "2,1,2,1,2,3,2"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expectLines(result.stdout, "tour-plain.txt");
  });

  it("reads answers from stdin lines, asks again after a line that is not a choice, and --from starts later", () => {
    const result = withInput(["tour", "--from", "6"], "7\nmaybe\n1\n2\n");
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).not.toContain("Stop 5/7");
    expect(out).toContain("Stop 6/7 · the fix: re-raise after cleaning up");
    expect(out.match(/Answer with a number from 1 to 3: /g)?.length).toBe(2);
    expect(out).toContain("Stop 7/7 · the fix: TaskGroup");
    expect(out).toContain("Score: 2/2 right.");
  });

  it("ends the lesson when stdin ends: the questions left get no answer", () => {
    const result = withInput(["tour", "--from", "7"], "");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Your answer (1–3): (no answer)");
    expect(result.stdout).toContain("Score: 0/1 right (1 unanswered).");
  });
});

describe("--quiz without a terminal", () => {
  it("the narrated log with questions, verdicts and the score, line for line", () => {
    const result = runCli(["cancel", "--quiz", "--instant", "--answers", "1,2,3"]);
    expect(result.status).toBe(0);
    expectLines(result.stdout, "cancel-quiz-plain.txt");
  });

  it("--json carries numbered quiz-question, quiz-answer and quiz-score lines, line for line", () => {
    const result = runCli([
      "shutdown",
      "--interrupt-at",
      "0.5",
      "--quiz",
      "--json",
      "--instant",
      "--answers",
      "2,2,1,2,3",
    ]);
    expect(result.status).toBe(0);
    expectLines(result.stdout, "shutdown-quiz.ndjson");
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; seq?: number });
    expect(lines.filter((l) => l.type !== "exit").map((l) => l.seq)).toEqual(
      lines.filter((l) => l.type !== "exit").map((_, i) => i + 1),
    );
  });

  it("--json reads answers from stdin lines when --answers is not given", () => {
    const result = withInput(["cancel", "--quiz", "--json", "--instant"], "1\n3\n1\n2\n");
    expect(result.status).toBe(0);
    const score = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; right?: number; asked?: number })
      .find((l) => l.type === "quiz-score");
    expect(score).toMatchObject({ right: 4, asked: 4 });
  });

  it("leaves the stream unchanged without --quiz", () => {
    const plain = runCli(["shutdown", "--interrupt-at", "0.5", "--json", "--instant"]);
    expect(plain.stdout).not.toContain("quiz-");
    const seqs = plain.stdout
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { seq?: number }).seq);
    expect(seqs.slice(0, -1)).toEqual(seqs.slice(0, -1).map((_, i) => i + 1));
  });

  it("asks one question in every N with --quiz-every", () => {
    const all = runCli([
      "swarm",
      "--set",
      "tasks=200",
      "--quiz",
      "--quiz-every",
      "1",
      "--json",
      "--instant",
      "--answers",
      "1",
    ]);
    const some = runCli([
      "swarm",
      "--set",
      "tasks=200",
      "--quiz",
      "--quiz-every",
      "25",
      "--json",
      "--instant",
      "--answers",
      "1",
    ]);
    const count = (out: string) => out.split("\n").filter((l) => l.includes('"quiz-question"')).length;
    expect(count(all.stdout)).toBeGreaterThan(100);
    expect(count(some.stdout)).toBe(Math.ceil(count(all.stdout) / 25));
  });

  it("refuses a run that awaited real I/O, in one line, status 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "async-demo-quiz-"));
    const file = join(dir, "io.ts");
    writeFileSync(
      file,
      `import { coroutine, print } from "async-demo";
export default coroutine(async function main() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  print("done");
});
`,
    );
    expectOneLineError(
      runCli(["run", file, "--quiz", "--answers", "1"]),
      2,
      "--quiz needs a run that replays the same way",
    );
  });

  it("quizzes a Python program on CPython with the same questions and answers as our runtime's run", () => {
    const args = ["--interrupt-at", "0.5", "--quiz", "--json", "--instant", "--answers", "2,2,1,2,3"];
    const ours = runCli(["shutdown", ...args]);
    const cpython = runCli(["shutdown", "--python", ...args]);
    const quiz = (out: string) =>
      out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { type: string; text?: string; choices?: string[]; correct?: number })
        .filter((l) => l.type.startsWith("quiz-"))
        .map((l) => ({ type: l.type, text: l.text, choices: l.choices, correct: l.correct }));
    expect(cpython.status).toBe(0);
    expect(quiz(cpython.stdout).length).toBeGreaterThan(5);
    expect(quiz(cpython.stdout)).toEqual(quiz(ours.stdout));
  });

  it("refuses a Python program on real time (threads), in one line, status 2", () => {
    expectOneLineError(
      runCli(["run", "examples/thread_timeout.py", "--quiz", "--answers", "1"]),
      2,
      "--quiz needs a run that replays the same way, and this run went on real time",
    );
  });

  it.each([
    [["cancel", "--answers", "1"], "--answers needs --quiz"],
    [["cancel", "--quiz-every", "2"], "--quiz-every needs --quiz"],
    [["cancel", "--quiz", "--quiet"], "--quiz cannot be combined with --quiet"],
    [["cancel", "--quiz", "--quiz-every", "0"], "--quiz-every must be a whole number ≥ 1"],
    [["cancel", "--quiz", "--answers", "1,5"], "--answers takes choice numbers 1–4"],
    [["tour", "--from", "8"], "--from must be a stop number from 1 to 7"],
    [["tour", "--answers", "x"], "--answers takes choice numbers 1–4"],
  ])("refuses %j in one line, status 2", (args, message) => {
    expectOneLineError(runCli(args), 2, message);
  });
});
